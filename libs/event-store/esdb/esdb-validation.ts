/**
 * What the EventStoreDB adapter refuses before talking to the server, so that both backends refuse the
 * same appends: the PostgreSQL adapter's limits, plus what would be invisible or ambiguous in ESDB.
 */
import { EventToAppend } from '../event-store.port';
import { InvalidAppendError } from '../errors';
import { isReservedMetadataKey } from './mapping';

/** Same cap as the PostgreSQL adapter; ESDB's own limit is the append's size (1 MiB by default). */
export const MAX_EVENTS_PER_APPEND = 100_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateEsdbAppend(stream: string, events: readonly EventToAppend[]): void {
  if (stream.length === 0 || stream.length > 200) throw new InvalidAppendError('stream name must have 1 to 200 characters');
  // $-streams and $-types are EventStoreDB's own; reads skip them, so writing one would vanish.
  if (stream.startsWith('$')) throw new InvalidAppendError('stream names starting with $ are reserved by EventStoreDB');
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  if (events.length > MAX_EVENTS_PER_APPEND) throw new InvalidAppendError(`at most ${MAX_EVENTS_PER_APPEND} events per append`);
  for (const event of events) {
    if (!UUID.test(event.id)) throw new InvalidAppendError(`stream ${stream}: event ids must be uuids`);
    if (event.type.length === 0 || event.type.startsWith('$'))
      throw new InvalidAppendError(`stream ${stream}: event types must not be empty or start with $`);
    if (Object.keys(event.metadata).some(isReservedMetadataKey))
      throw new InvalidAppendError(`stream ${stream}: metadata keys $previousHash and $hash are reserved`);
    // PostgreSQL's jsonb cannot hold \u0000; refusing it here keeps logs copyable between backends.
    if (holdsNul([event.data, event.metadata])) throw new InvalidAppendError(`stream ${stream}: append refused by the store`);
  }
}

function holdsNul(value: unknown): boolean {
  let found = false;
  JSON.stringify(value, (key, v: unknown) => {
    if (key.includes('\0') || (typeof v === 'string' && v.includes('\0'))) found = true;
    return v;
  });
  return found;
}
