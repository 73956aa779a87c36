/**
 * Idempotency keys in PostgreSQL, race-safe without holding a write transaction open.
 *
 * `claim` opens a transaction and takes a transaction-scoped advisory lock on the key, so requests with
 * one key run one at a time: a second one waits (up to `lockTimeoutMs`, then IdempotencyKeyBusyError,
 * HTTP 409) and then finds the first one's answer. Under the lock: a stored answer with the same request
 * hash is replayed, with another hash it is a mismatch (422); no answer means the caller executes and then
 * `complete`s (row inserted, lock released by the commit) or `release`s (nothing kept: the command failed
 * and appended nothing, so a retry may execute afresh).
 *
 * Why a lock and not an early INSERT: a transaction that has written holds back the event log's visible
 * horizon (see libs/event-store/postgres/README.md) for as long as it is open; the advisory lock takes no
 * transaction id, and the INSERT comes only at the end. The two-int4 lock form lives in a key space apart
 * from the event store's one-bigint stream locks, so the two can never collide.
 *
 * The answer is recorded after the command's events are committed (they go through the event store's own
 * connection), and `complete` returns only once PostgreSQL has acknowledged the record's COMMIT: the caller
 * sends the answer after that, never before (IdempotencyRecordNotStoredError, HTTP 503, when the connection
 * was lost first). A crash in between leaves events without an answer; the retry then executes with the same
 * command id (derived from the key) and the command path answers it from the events already in the stream
 * (libs/command-handling/handle-command.ts, `alreadyHandled`) instead of deciding twice.
 *
 * Stored answers expire after `retentionMs` (IDEMPOTENCY_RETENTION_HOURS, 24 by default, as Stripe keeps
 * keys): an expired answer is treated as absent at once, and `sweep` (run periodically by the API) deletes
 * the rows. A retry later than that executes afresh. Answers are stored as the caller's AnswerSealer makes
 * them (personal fields never in the clear: see ./personal-answers.ts).
 */
import { DataSource, QueryRunner } from 'typeorm';

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type Claim =
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'mismatch' }
  | { kind: 'claimed'; complete(response: StoredResponse): Promise<void>; release(): Promise<void> };

/** Another request with the same key is still running and did not finish in time. */
export class IdempotencyKeyBusyError extends Error {
  constructor() {
    super('another request with this Idempotency-Key is in progress');
    this.name = 'IdempotencyKeyBusyError';
  }
}

/**
 * The connection holding the key's claim was lost before the answer's record was committed: the answer must
 * not be sent (a retry would run as new). The events may be in the log; the retry answers from them.
 */
export class IdempotencyRecordNotStoredError extends Error {
  constructor() {
    super('the idempotency record could not be committed: the database connection was lost');
    this.name = 'IdempotencyRecordNotStoredError';
  }
}

/** First argument of the two-key advisory lock: this module's lock space ("idem" in ASCII). */
const LOCK_SPACE = 0x6964656d;
const LOCK_NOT_AVAILABLE = '55P03';

export interface IdempotencyStoreOptions {
  /** How long a request waits for another with the same key before giving up with 409. */
  lockTimeoutMs?: number;
  /** How long an answer is kept and replayed; older ones are forgotten. */
  retentionMs?: number;
}

/** One day, unless configured otherwise. */
export const DEFAULT_IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export class IdempotencyStore {
  private readonly lockTimeoutMs: number;
  private readonly retentionMs: number;

  constructor(
    private readonly dataSource: DataSource,
    options: IdempotencyStoreOptions = {},
  ) {
    this.lockTimeoutMs = options.lockTimeoutMs ?? 10_000;
    this.retentionMs = options.retentionMs ?? DEFAULT_IDEMPOTENCY_RETENTION_MS;
  }

  /** Deletes the answers past their retention; returns how many. */
  async sweep(): Promise<number> {
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM idempotency.keys WHERE created_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [this.retentionMs],
    );
    return deleted ?? 0;
  }

  /** Sweeps every `everyMs` (a tenth of the retention, at most hourly) until the returned function is called. */
  startSweeper(onError: (error: unknown) => void = () => undefined, everyMs = Math.min(this.retentionMs / 10, 3_600_000)): () => void {
    const timer = setInterval(() => void this.sweep().catch(onError), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  async claim(key: string, requestHash: string): Promise<Claim> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      // One round trip: the timeout is set in a sub-select, which PostgreSQL evaluates first (a volatile
      // target list keeps it from being flattened into the outer query), then the lock is waited for.
      await runner.query(`SELECT pg_advisory_xact_lock($2, hashtext($3)) FROM (SELECT set_config('lock_timeout', $1, true)) AS timeout`, [
        `${this.lockTimeoutMs}ms`,
        LOCK_SPACE,
        key,
      ]);
      const rows: { request_hash: string; status: number; headers: Record<string, string>; body: unknown }[] = await runner.query(
        `SELECT request_hash, status, headers, body FROM idempotency.keys
          WHERE key = $1 AND created_at >= now() - make_interval(secs => $2::double precision / 1000)`,
        [key, this.retentionMs],
      );
      if (rows.length === 0) return this.claimed(runner, key, requestHash);
      await finish(runner, 'rollback');
      const [row] = rows;
      if (row.request_hash !== requestHash) return { kind: 'mismatch' };
      return { kind: 'replay', response: { status: row.status, headers: row.headers, body: row.body } };
    } catch (error) {
      await finish(runner, 'rollback');
      if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) throw new IdempotencyKeyBusyError();
      throw error;
    }
  }

  private claimed(runner: QueryRunner, key: string, requestHash: string): Claim {
    return {
      kind: 'claimed',
      complete: async (response) => {
        try {
          await runner.query(
            // An expired answer not swept yet may still hold the key: it is replaced (this key's lock is held).
            `INSERT INTO idempotency.keys (key, request_hash, status, headers, body) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status,
               headers = EXCLUDED.headers, body = EXCLUDED.body, created_at = now()`,
            [key, requestHash, response.status, JSON.stringify(response.headers), JSON.stringify(response.body ?? null)],
          );
          // TypeORM releases a runner whose connection dies (error event) and would then skip the COMMIT
          // without a word: only a COMMIT that PostgreSQL acknowledged makes the record durable.
          if (runner.isReleased || !runner.isTransactionActive) throw new IdempotencyRecordNotStoredError();
          await runner.commitTransaction();
          await runner.release();
        } catch (error) {
          await finish(runner, 'rollback');
          throw error;
        }
      },
      release: () => finish(runner, 'rollback'),
    };
  }
}

async function finish(runner: QueryRunner, how: 'commit' | 'rollback'): Promise<void> {
  if (runner.isReleased) return;
  try {
    if (runner.isTransactionActive) await (how === 'commit' ? runner.commitTransaction() : runner.rollbackTransaction());
  } finally {
    await runner.release();
  }
}
