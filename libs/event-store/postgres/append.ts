/**
 * One append of events to a stream, through the pool (alone in its transaction) or inside a caller's open
 * transaction: the revision check and insert as one prepared statement (append-statement.ts), a lost race for
 * the next revision tried again where the expected revision allows it, and a refused append told apart from a
 * re-sent one (the first result again).
 *
 * Inside a caller's transaction the statement runs under a savepoint: a lost race is a unique violation,
 * which would otherwise abort the caller's transaction, leaving it unable to try again or even to read the
 * revision that won. Rolled back to the savepoint, the transaction goes on as before the append.
 */
import { Pool, PoolClient, QueryConfig } from 'pg';
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
  const { statement, values, checksResend } = appendQuery(stream, expected, events, now, alone);
  const retries = expected === 'any' || expected === 'stream_exists' ? MAX_RACE_RETRIES : 0;
  for (let attempt = 0; ; attempt++) {
    let row: AppendRow;
    try {
      [row] = alone ? await storeQuery<AppendRow>(queryable, statement, values) : await underSavepoint(queryable, statement, values);
    } catch (error) {
      if (isRevisionRace(error)) {
        if (attempt < retries && (alone || (await seesOtherCommits(queryable)))) continue;
        const actual = await currentRevision(stream, queryable);
        // A snapshot taken before the winner committed (REPEATABLE READ) does not show it; the violation names it.
        throw new WrongExpectedRevisionError(stream, expected, maxOf(actual, racedRevision(error)));
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

/** The statement inside a caller's transaction, which survives its failure. */
async function underSavepoint(client: Pool | PoolClient, statement: QueryConfig, values: unknown[]): Promise<AppendRow[]> {
  await storeQuery(client, 'SAVEPOINT event_store_append');
  try {
    const rows = await storeQuery<AppendRow>(client, statement, values);
    await storeQuery(client, 'RELEASE SAVEPOINT event_store_append');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT event_store_append').catch(() => undefined);
    throw error;
  }
}

/**
 * Whether the caller's next statement sees what committed since its last one (READ COMMITTED): only then
 * can a retry read the winner's head. REPEATABLE READ keeps its snapshot (the retry would lose again), and
 * SERIALIZABLE reports the race as a serialization failure: there the caller must retry its transaction.
 */
async function seesOtherCommits(client: Pool | PoolClient): Promise<boolean> {
  const [row] = await storeQuery<{ level: string }>(client, `SELECT current_setting('transaction_isolation') AS level`);
  return row.level === 'read committed';
}

/** The revision a unique violation names (`Key (stream_id, stream_revision)=(name, 3) already exists.`), or -1. */
function racedRevision(error: unknown): bigint {
  const match = /, (\d+)\) already exists/.exec((error as { detail?: string }).detail ?? '');
  return match ? BigInt(match[1]) : -1n;
}

const maxOf = (a: bigint, b: bigint) => (a > b ? a : b);

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
