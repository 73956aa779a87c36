/**
 * What the peers section asks of each contender: appends by concurrent writers, the whole log read page by
 * page (cut off at a deadline), and the gap probe (writers racing a reader that pages by position).
 */
import { randomUUID } from 'node:crypto';
import { progressBar } from '../support/progress';
import { Contender, Payload } from './contenders';

const QUERY_CANCELED = '57014';
/** How long a contender's read of the whole log may take, timed or not, before it is cut off. */
export const READ_DEADLINE_MS = 120_000;

/** The whole log page by page, or as much as is read before `deadline` (performance.now()) or a statement cut off. */
export async function readWhole(store: Contender, deadline = Infinity): Promise<{ read: number; complete: boolean }> {
  let [after, read] = [undefined as string | undefined, 0];
  try {
    for (;;) {
      if (performance.now() > deadline) return { read, complete: false };
      const page = await store.readPage(after, 1_000);
      if (page.ids.length === 0) return { read, complete: true };
      [after, read] = [page.last, read + page.ids.length];
    }
  } catch (error) {
    if ((error as { code?: string }).code !== QUERY_CANCELED) throw error;
    return { read, complete: false };
  }
}

const payload = (i: number): Payload => ({
  id: randomUUID(),
  type: 'ServiceDelivered',
  data: {
    householdId: randomUUID(),
    serviceId: randomUUID(),
    departmentCode: 'health',
    serviceTypeCode: 'health-check',
    focusArea: 'health',
    deliveredAt: '2012-03-01T08:00:00.000Z',
    n: i,
  },
});

/** `total` events over `writers` streams written concurrently, `size` per append; events per second. */
export async function appendAll(store: Contender, total: number, writers: number, size: number): Promise<number> {
  const bar = progressBar(`${store.name}: ${total} events by ${size}`, total, 'events');
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const append = store.appender(`bench-${randomUUID()}`);
      while (issued < total) {
        const n = Math.min(size, total - issued);
        issued += n;
        await append(Array.from({ length: n }, (_, i) => payload(i)));
        bar.increment(n);
      }
    }),
  );
  bar.stop();
  return total / ((performance.now() - started) / 1000);
}

/** Writers append single events while a reader pages after its last position; then it reads to the end. */
export async function probeGaps(store: Contender, total: number, writers: number) {
  const seen: string[] = [];
  let after: string | undefined;
  let writing = true;
  const reading = (async () => {
    while (writing) {
      const page = await store.readPage(after, 100);
      seen.push(...page.ids);
      after = page.last;
      if (page.ids.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
  })();
  await appendAll(store, total, writers, 1);
  writing = false;
  await reading;
  // Then read on after the last position seen, until nothing new shows for a second.
  for (let quiet = 0; quiet < 40;) {
    const page = await store.readPage(after, 1_000);
    seen.push(...page.ids);
    after = page.last;
    quiet = page.ids.length === 0 ? quiet + 1 : 0;
    if (page.ids.length === 0) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const distinct = new Set(seen);
  return { appended: total, seen: distinct.size, missed: total - distinct.size, duplicates: seen.length - distinct.size };
}
