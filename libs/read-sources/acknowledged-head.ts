/**
 * The position of the last append the log has acknowledged, once readers can see it. The visible head alone
 * (headPosition) can lag behind: an older transaction still open (a projector creating its copies, say)
 * holds the gap-safe limit back, and a document read "as of the head" would then leave out appends already
 * answered 201, or find the log empty. So: the last committed event, held back or not, then waited for.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { EventStore } from '../event-store/event-store.port';
import { comparePositions, Position } from '../event-store/position';
import { ReadModelBehindError } from './read-sources';

export async function acknowledgedHead(store: EventStore, maxWaitMs: number, pollMs = 50): Promise<Position | undefined> {
  const [last] = await store.readAll({ direction: 'backwards', maxCount: 1, includeHeldBack: true });
  if (!last) return undefined;
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const visible = await store.headPosition();
    if (visible && comparePositions(visible, last.position) >= 0) return last.position;
    if (Date.now() > deadline) throw new ReadModelBehindError('event-log');
    await sleep(pollMs);
  }
}
