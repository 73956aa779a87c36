/**
 * One append of events to a stream, through the pool (alone in its transaction) or inside a caller's open
 * transaction: the revision check and insert as one prepared statement (append-statement.ts), a lost race for
 * the next revision tried again where the expected revision allows it, and a refused append told apart from a
 * re-sent one (the first result again).
 */
import { Pool, PoolClient } from 'pg';
import { AppendOptions, AppendResult, EventToAppend, ExpectedRevision, StreamAppend } from '../event-store.port';
import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '../errors';
import { position } from '../position';
import { isEventIdReuse, isRevisionRace, translateAppendError } from './append-errors';
import { appendQuery, RESEND_STATEMENT } from './append-statement';
import { storeQuery } from './store-query';

/** Most events one append may carry; the position layout allows 2^20 per transaction. */
export const MAX_EVENTS_PER_APPEND = 100_000;

/** Appends that keep losing the race for a stream's next revision (expected `any`) give up after this. */
const MAX_RACE_RETRIES = 20;

interface AppendRow {
  actual_revision: string;
  resend: boolean;
  next_revision: string | null;
  last_position: string | null;
}

/** `alone`: `queryable` is the pool, so the append is alone in its transaction and may simply be tried again. */
export async function appendEvents(
  queryable: Pool | PoolClient,
  alone: boolean,
  stream: string,
  events: readonly EventToAppend[],
  options: AppendOptions,
  now: string,
): Promise<{ result: AppendResult; written: boolean }> {
  validateAppend(stream, events);
  const expected = options.expectedRevision ?? 'any';
  const ids = events.map((e) => e.id);
  // Only an append through the pool with expected `any`/`stream_exists` may simply try again.
  const { statement, values, checksResend } = appendQuery(stream, expected, events, now, alone);
  const retries = alone && (expected === 'any' || expected === 'stream_exists') ? MAX_RACE_RETRIES : 0;
  for (let attempt = 0; ; attempt++) {
    let row: AppendRow;
    try {
      [row] = await storeQuery<AppendRow>(queryable, statement, values);
    } catch (error) {
      if (isRevisionRace(error)) {
        if (attempt < retries) continue;
        throw new WrongExpectedRevisionError(stream, expected, await currentRevision(stream, queryable));
      }
      if (!checksResend && isEventIdReuse(error)) return { result: await refusedAppend(stream, expected, ids, queryable), written: false };
      throw translateAppendError(stream, error);
    }
    if (row.next_revision !== null) return { result: { ...appendResult(row), resent: false }, written: true };
    if (row.resend || !checksResend) {
      return { result: await refusedAppend(stream, expected, ids, queryable, BigInt(row.actual_revision)), written: false };
    }
    throw new WrongExpectedRevisionError(stream, expected, BigInt(row.actual_revision));
  }
}

/**
 * An append refused by its revision check or by the event-id index: the first result when it re-sends an
 * append made before, DuplicateEventIdError when its ids were used otherwise, else the revision conflict.
 */
async function refusedAppend(
  stream: string,
  expected: ExpectedRevision,
  ids: string[],
  queryable: Pool | PoolClient,
  actual?: bigint,
): Promise<AppendResult> {
  const [row] = await storeQuery<{ found: string; same_append: boolean; next_revision: string; last_position: string }>(
    queryable,
    RESEND_STATEMENT,
    [stream, expected.toString(), ids],
  );
  if (row.found === '0') throw new WrongExpectedRevisionError(stream, expected, actual ?? (await currentRevision(stream, queryable)));
  if (!row.same_append) throw new DuplicateEventIdError(stream);
  return { ...appendResult(row), resent: true };
}

export async function currentRevision(stream: string, queryable: Pool | PoolClient): Promise<bigint> {
  const [row] = await storeQuery<{ revision: string | null }>(
    queryable,
    `SELECT max(stream_revision) AS revision FROM event_store.events WHERE stream_id = $1`,
    [stream],
  ).catch(() => [{ revision: null }]);
  return row.revision === null ? -1n : BigInt(row.revision);
}

/** The stream a unique violation names (its detail reads `Key (stream_id, stream_revision)=(name, 3) already exists.`). */
export function racedAppend(error: unknown, appends: readonly StreamAppend[]): StreamAppend {
  const detail = (error as { detail?: string }).detail ?? '';
  return appends.find((append) => detail.includes(`=(${append.stream}, `)) ?? appends[0];
}

function appendResult(row: { next_revision: string | null; last_position: string | null }): AppendResult {
  return { nextExpectedRevision: BigInt(row.next_revision!), position: position(BigInt(row.last_position!)) };
}

export function validateAppend(stream: string, events: readonly EventToAppend[]): void {
  if (stream.length === 0 || stream.length > 200) throw new InvalidAppendError('stream name must have 1 to 200 characters');
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  if (events.length > MAX_EVENTS_PER_APPEND) throw new InvalidAppendError(`at most ${MAX_EVENTS_PER_APPEND} events per append`);
}
