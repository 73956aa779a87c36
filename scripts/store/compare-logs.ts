/**
 * Compares two logs event by event in global order: same ids, streams, revisions, types, data, metadata
 * (recordedAt included) and hash chain. Positions are not compared: each backend numbers its own log.
 * A difference names the event and the field, never the values (they may hold personal data).
 */
import canonicalize from 'canonicalize';
import { EventStore, RecordedEvent } from '../../libs/event-store/event-store.port';
import { Position } from '../../libs/event-store/position';

export interface LogDifference {
  /** 0-based index in the global order. */
  index: number;
  field:
    | 'missing-in-second'
    | 'missing-in-first'
    | 'id'
    | 'stream'
    | 'revision'
    | 'type'
    | 'data'
    | 'metadata'
    | 'recordedAt'
    | 'previousHash'
    | 'hash';
  /** Identifies the event of the first log (or the second when the first has ended). */
  stream: string;
  revision: bigint;
  eventId: string;
}

export interface CompareResult {
  compared: number;
  difference?: LogDifference;
}

export interface CompareOptions {
  pageSize?: number;
  onProgress?(compared: number, position: Position): void;
}

export async function compareLogs(first: EventStore, second: EventStore, options: CompareOptions = {}): Promise<CompareResult> {
  const a = events(first, options.pageSize ?? 1_000)[Symbol.asyncIterator]();
  const b = events(second, options.pageSize ?? 1_000)[Symbol.asyncIterator]();
  try {
    for (let index = 0; ; index++) {
      const [left, right] = await Promise.all([a.next(), b.next()]);
      if (left.done && right.done) return { compared: index };
      if (left.done) return { compared: index, difference: at(index, right.value, 'missing-in-first') };
      if (right.done) return { compared: index, difference: at(index, left.value, 'missing-in-second') };
      const field = firstDifferentField(left.value, right.value);
      if (field) return { compared: index, difference: at(index, left.value, field) };
      options.onProgress?.(index + 1, left.value.position);
    }
  } finally {
    await Promise.all([a.return?.(), b.return?.()]);
  }
}

export function firstDifferentField(left: RecordedEvent, right: RecordedEvent): LogDifference['field'] | undefined {
  if (left.id !== right.id) return 'id';
  if (left.stream !== right.stream) return 'stream';
  if (left.revision !== right.revision) return 'revision';
  if (left.type !== right.type) return 'type';
  if (canonicalize(left.data) !== canonicalize(right.data)) return 'data';
  if (left.recordedAt !== right.recordedAt) return 'recordedAt';
  if (canonicalize(left.metadata) !== canonicalize(right.metadata)) return 'metadata';
  if (left.previousHash !== right.previousHash) return 'previousHash';
  if (left.hash !== right.hash) return 'hash';
  return undefined;
}

async function* events(store: EventStore, pageSize: number): AsyncIterable<RecordedEvent> {
  let after: Position | 'start' = 'start';
  for (;;) {
    const page = await store.readAll({ fromPosition: after, maxCount: pageSize });
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1].position;
  }
}

function at(index: number, event: RecordedEvent, field: LogDifference['field']): LogDifference {
  return { index, field, stream: event.stream, revision: event.revision, eventId: event.id };
}

export function describeDifference(d: LogDifference): string {
  const where = `event #${d.index} (stream ${d.stream}, revision ${d.revision}, id ${d.eventId})`;
  if (d.field === 'missing-in-second') return `${where} is missing from the second log`;
  if (d.field === 'missing-in-first') return `${where} of the second log is missing from the first`;
  return `${where} differs in ${d.field}`;
}
