/**
 * Reads of `$all` with the port's semantics (exclusive bounds, maxCount counting only events that pass
 * the filter, system events skipped), paged over server-side filtered reads.
 */
import { AllStreamResolvedEvent } from '@eventstore/db-client';
import { ReadAllOptions, RecordedEvent } from '../event-store.port';
import { comparePositions, Position } from '../position';
import { drain } from './esdb-reads';
import { fromEsdbEvent, fromEsdbPosition, planFilter, toEsdbReadPosition } from './mapping';
import { StoreClient } from './store-client';

export async function readAllPages(client: StoreClient, options: ReadAllOptions, pageSize: number): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const from = options.fromPosition ?? (backwards ? 'end' : 'start');
  if ((from === 'end' && !backwards) || (from === 'start' && backwards)) return [];
  const plan = planFilter(options.filter);
  const limit = options.maxCount ?? Infinity;
  const out: RecordedEvent[] = [];
  let cursor: Position | 'start' | 'end' = from;
  while (out.length < limit) {
    // One more than needed: the server may or may not return the event at the cursor itself.
    const request = Math.min(pageSize, limit - out.length) + 1;
    const page = await drain(
      client.readAll({
        fromPosition: toEsdbReadPosition(cursor),
        direction: backwards ? 'backwards' : 'forwards',
        maxCount: request,
        filter: plan.server,
      }),
    );
    let progressed = false;
    for (const resolved of page) {
      const position = positionOf(resolved);
      if (!position || !isBeyond(position, cursor, backwards)) continue;
      cursor = position;
      progressed = true;
      const event = plan.accepts(resolved.event!) ? fromEsdbEvent(resolved.event!) : undefined;
      if (event) out.push(event);
      if (out.length >= limit) break;
    }
    if (page.length < request || !progressed) break;
  }
  return out;
}

function positionOf(resolved: AllStreamResolvedEvent): Position | undefined {
  return resolved.event?.position ? fromEsdbPosition(resolved.event.position) : undefined;
}

/** Strictly after the cursor in the direction of the read; a symbolic cursor bounds nothing. */
function isBeyond(position: Position, cursor: Position | 'start' | 'end', backwards: boolean): boolean {
  if (typeof cursor !== 'object') return true;
  const order = comparePositions(position, cursor);
  return backwards ? order < 0 : order > 0;
}
