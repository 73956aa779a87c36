/**
 * Groups a live stream of events into batches without waiting for a batch to fill: while one batch is
 * being written, the next accumulates, and the next batch takes whatever has arrived (up to `maxSize`).
 * The pump pauses when `maxSize * 4` events are waiting, so a slow writer does not grow memory.
 */
export async function* batches<T>(source: AsyncIterable<T>, maxSize: number): AsyncGenerator<T[]> {
  const queue: T[] = [];
  let done = false;
  let failure: unknown;
  let notify: (() => void) | undefined;
  let drained: (() => void) | undefined;
  const signal = () => {
    notify?.();
    notify = undefined;
  };

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
