/**
 * Groups a live stream of events into batches without waiting for a batch to fill: while one batch is
 * being written, the next accumulates, and the next batch takes whatever has arrived (up to `maxSize`).
 * The pump pauses when `maxSize * 4` events are waiting, so a slow writer does not grow memory.
 * `inject` hands out a way to add items beside the source's (called from within the source's iteration).
 */
export async function* batches<T>(
  source: AsyncIterable<T>,
  maxSize: number,
  inject?: (push: (item: T) => void) => void,
): AsyncGenerator<T[]> {
  const queue: T[] = [];
  let done = false;
  let failure: unknown;
  let notify: (() => void) | undefined;
  let drained: (() => void) | undefined;
  const signal = () => {
    notify?.();
    notify = undefined;
  };

  // Items pushed from outside the source (a subscription's progress reports) land in order with its items.
  inject?.((item) => {
    queue.push(item);
    signal();
  });
  const pump = (async () => {
    try {
      for await (const item of source) {
        queue.push(item);
        signal();
        if (queue.length >= maxSize * 4) await new Promise<void>((resolve) => (drained = resolve));
      }
    } catch (error) {
      failure = error;
    } finally {
      done = true;
      signal();
    }
  })();

  try {
    while (true) {
      if (queue.length === 0) {
        if (done) break;
        await new Promise<void>((resolve) => (notify = resolve));
        continue;
      }
      const batch = queue.splice(0, maxSize);
      drained?.();
      drained = undefined;
      yield batch;
    }
    if (failure) throw failure;
  } finally {
    drained?.();
    void pump;
  }
}
