/**
 * The EventStore port on PostgreSQL: one table, an append as one prepared statement (append-statement.ts),
 * gap-safe reads of the global log, and subscriptions woken by LISTEN/NOTIFY. See README.md beside this file for the design.
 */
import { CustomTypesConfig, Pool, PoolClient, PoolConfig, QueryConfig } from 'pg';
import { Clock, systemClock } from '../../clock';
import {
  AppendOptions,
  AppendResult,
  CheckpointReached,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  InvalidAppendError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../errors';
import { Position, position } from '../position';
import { LogNotifier } from './log-notifier';
import { PollingSubscription } from './polling-subscription';
import { isEventIdReuse, isRevisionRace, translateAppendError } from './append-errors';
import { appendQuery, RESEND_STATEMENT } from './append-statement';
import { appendStreamsIn } from './append-streams';
import { readAllQuery, readAllUpToQuery, readUpTo, ReadUpToRow } from './read-all-query';
import {
  EVENT_COLUMNS,
  EventRow,
  EventTextRow,
  ROW_TYPES,
  ROW_TYPES_KEEPING_JSON_TEXT,
  toEventKeepingJsonText,
  toRecordedEvent,
  VISIBLE_LIMIT,
} from './rows';
import { isDatabaseUnavailable } from '../../database/unavailable';

export interface PostgresEventStoreOptions {
  connectionString: string;
  pool?: Pool;
  clock?: Clock;
  /** Fallback poll of live subscriptions, for notifications lost while a listener reconnects. */
  pollIntervalMs?: number;
  poolSize?: number;
}

/** Most events one append may carry; the position layout allows 2^20 per transaction. */
export const MAX_EVENTS_PER_APPEND = 100_000;

/**
 * Every statement of the store is an index look-up or a keyset read, so a sequential scan is never the
 * right plan; but a table analysed while empty makes the planner cost one below the index, and a prepared
 * statement's generic plan keeps it for the connection's life (appends fell to a quarter of their rate).
 * Disabling sequential scans for the store's own connections leaves the indexes the only choice whatever
 * the statistics say (plan-stability.int.spec.ts). Bitmap scans likewise: the upper bound of a page (the
 * visibility limit) is unknown when planning, so a filtered page was estimated at a row and read by fetching
 * the whole rest of the log and sorting it (158 ms a page at 10,000 events, against 4 ms following the index):
 * quadratic in the log. A keyset read must walk the index in order and stop at its page.
 */
const INDEX_ONLY_PLANS = '-c enable_seqscan=off -c enable_bitmapscan=off';

/** Appends that keep losing the race for a stream's next revision (expected `any`) give up after this. */
const MAX_RACE_RETRIES = 20;

interface AppendRow {
  actual_revision: string;
  resend: boolean;
  next_revision: string | null;
  last_position: string | null;
}

export class PostgresEventStore implements EventStore {
  readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly clock: Clock;
  private readonly notifier: LogNotifier;

  constructor(private readonly options: PostgresEventStoreOptions) {
    const config: PoolConfig = { connectionString: options.connectionString, max: options.poolSize ?? 20, options: INDEX_ONLY_PLANS };
    this.ownsPool = !options.pool;
    this.pool = options.pool ?? new Pool(config);
    this.pool.on('error', () => undefined); // an idle client's broken connection is replaced on next use
    this.clock = options.clock ?? systemClock;
    this.notifier = new LogNotifier(this.pool, { connectionString: options.connectionString });
  }

  async appendToStream(stream: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    const result = await this.append(this.pool, stream, events, options);
    if (result.written) this.notifier.appended();
    return result.result;
  }

  /**
   * Appends inside a transaction the caller holds open on `client`, so other rows (an idempotency record, a
   * test's deliberate delay) commit or roll back with the events. Call `appended()` after the commit.
   */
  async appendToStreamIn(
    client: PoolClient,
    stream: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    return (await this.append(client, stream, events, options)).result;
  }

  /** Many streams in one transaction (append-streams.ts): all written, or none. */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    for (const { stream, events } of appends) validateAppend(stream, events);
    const client = await this.pool.connect().catch((error: unknown) => {
      throw isConnectionError(error) ? new EventStoreUnavailableError('PostgreSQL event store unavailable', error) : error;
    });
    try {
      await client.query('BEGIN');
      const results = await appendStreamsIn(client, appends, this.clock.now().toISOString());
      await client.query('COMMIT');
      this.notifier.appended();
      return results;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (isRevisionRace(error)) {
        // Another append took a stream's next revision after the heads were read.
        const raced = racedAppend(error, appends);
        throw new WrongExpectedRevisionError(
          raced.stream,
          raced.expectedRevision ?? 'any',
          await this.currentRevision(raced.stream, this.pool),
        );
      }
      throw isConnectionError(error)
        ? new EventStoreUnavailableError('PostgreSQL event store unavailable', error)
        : translateAppendError(appends[0].stream, error);
    } finally {
      client.release();
    }
  }

  /** Wakes subscribers after a commit of `appendToStreamIn`. */
  appended(): void {
    this.notifier.appended();
  }

  private async append(
    queryable: Pool | PoolClient,
    stream: string,
    events: readonly EventToAppend[],
    options: AppendOptions,
  ): Promise<{ result: AppendResult; written: boolean }> {
    validateAppend(stream, events);
    const expected = options.expectedRevision ?? 'any';
    const ids = events.map((e) => e.id);
    // Only an append through the pool is alone in its transaction; only such an append with expected
    // `any`/`stream_exists` may simply try again.
    const alone = queryable === this.pool;
    const { statement, values, checksResend } = appendQuery(stream, expected, events, this.clock.now().toISOString(), alone);
    const retries = alone && (expected === 'any' || expected === 'stream_exists') ? MAX_RACE_RETRIES : 0;
    for (let attempt = 0; ; attempt++) {
      let row: AppendRow;
      try {
        [row] = await this.query<AppendRow>(statement, values, queryable);
      } catch (error) {
        if (isRevisionRace(error)) {
          if (attempt < retries) continue;
          throw new WrongExpectedRevisionError(stream, expected, await this.currentRevision(stream, queryable));
        }
        if (!checksResend && isEventIdReuse(error))
          return { result: await this.refusedAppend(stream, expected, ids, queryable), written: false };
        throw translateAppendError(stream, error);
      }
      if (row.next_revision !== null) return { result: { ...appendResult(row), resent: false }, written: true };
      if (row.resend || !checksResend) {
        return { result: await this.refusedAppend(stream, expected, ids, queryable, BigInt(row.actual_revision)), written: false };
      }
      throw new WrongExpectedRevisionError(stream, expected, BigInt(row.actual_revision));
    }
  }

  /**
   * An append refused by its revision check or by the event-id index: the first result when it re-sends an
   * append made before, DuplicateEventIdError when its ids were used otherwise, else the revision conflict.
   */
  private async refusedAppend(
    stream: string,
    expected: ExpectedRevision,
    ids: string[],
    queryable: Pool | PoolClient,
    actual?: bigint,
  ): Promise<AppendResult> {
    const [row] = await this.query<{ found: string; same_append: boolean; next_revision: string; last_position: string }>(
      RESEND_STATEMENT,
      [stream, expected.toString(), ids],
      queryable,
    );
    if (row.found === '0')
      throw new WrongExpectedRevisionError(stream, expected, actual ?? (await this.currentRevision(stream, queryable)));
    if (!row.same_append) throw new DuplicateEventIdError(stream);
    return { ...appendResult(row), resent: true };
  }

  private async currentRevision(stream: string, queryable: Pool | PoolClient): Promise<bigint> {
    const [row] = await this.query<{ revision: string | null }>(
      `SELECT max(stream_revision) AS revision FROM event_store.events WHERE stream_id = $1`,
      [stream],
      queryable === this.pool ? this.pool : queryable,
    ).catch(() => [{ revision: null }]);
    return row.revision === null ? -1n : BigInt(row.revision);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 2n ** 62n : 0n);
    const rows = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM event_store.events
        WHERE stream_id = $1 AND stream_revision ${backwards ? '<=' : '>='} $2
        ORDER BY stream_revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
      [stream, from.toString(), options.maxCount ?? null],
      this.pool,
      ROW_TYPES,
    );
    if (rows.length === 0 && !(await this.streamExists(stream))) throw new StreamNotFoundError(stream);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    if (options.keepJsonText)
      return (await this.query<EventTextRow>(prepared(readAllQuery(options), ROW_TYPES_KEEPING_JSON_TEXT))).map(toEventKeepingJsonText);
    return (await this.query<EventRow>(prepared(readAllQuery(options), ROW_TYPES))).map(toRecordedEvent);
  }

  /** A forwards read, and how far it read: see readAllUpToQuery. */
  async readAllUpTo(options: ReadAllOptions): Promise<{ events: RecordedEvent[]; reached?: CheckpointReached }> {
    return readUpTo(await this.query<ReadUpToRow>(prepared(readAllUpToQuery(options), ROW_TYPES)));
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    return new PollingSubscription(
      {
        readAll: (o) => this.readAll(o),
        readAllUpTo: (o) => this.readAllUpTo(o),
        headPosition: () => this.headPosition(),
        onAppend: (w) => this.notifier.onAppend(w),
      },
      { ...options, pollIntervalMs: this.options.pollIntervalMs },
    );
  }

  async headPosition(): Promise<Position | undefined> {
    const [row] = await this.query<{ head: string | null }>(prepared({ text: HEAD_STATEMENT, values: [] }));
    return row.head === null ? undefined : position(BigInt(row.head));
  }

  async close(): Promise<void> {
    await this.notifier.close();
    if (this.ownsPool) await this.pool.end();
  }

  private async streamExists(stream: string): Promise<boolean> {
    const rows = await this.query(`SELECT 1 FROM event_store.events WHERE stream_id = $1 LIMIT 1`, [stream]);
    return rows.length > 0;
  }

  private async query<Row>(
    text: string | QueryConfig,
    values?: unknown[],
    queryable: Pool | PoolClient = this.pool,
    types?: CustomTypesConfig,
  ): Promise<Row[]> {
    try {
      const config = typeof text === 'string' && types ? { text, values, types } : text;
      return (await queryable.query(config as string, values)).rows as Row[];
    } catch (error) {
      throw isConnectionError(error) ? new EventStoreUnavailableError('PostgreSQL event store unavailable', error) : error;
    }
  }
}

const HEAD_STATEMENT = `SELECT max(log_position) AS head FROM event_store.events WHERE log_position < ${VISIBLE_LIMIT}`;

/** Statement names by text: a read's text depends only on the shape of its options, so there are a few dozen at most. */
const statementNames = new Map<string, string>();

/**
 * The statement as a named (prepared) one: each connection parses and plans a read once, not for every page
 * (a quarter of a page's server time went to planning the visibility limit). The generic plan can only be
 * the index's: sequential and bitmap scans are off on the store's connections (INDEX_ONLY_PLANS).
 */
function prepared({ text, values }: { text: string; values: unknown[] }, types?: CustomTypesConfig): QueryConfig {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `family_ledger_read_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return { name, text, values, types };
}

/** The stream a unique violation names (its detail reads `Key (stream_id, stream_revision)=(name, 3) already exists.`). */
function racedAppend(error: unknown, appends: readonly StreamAppend[]): StreamAppend {
  const detail = (error as { detail?: string }).detail ?? '';
  return appends.find((append) => detail.includes(`=(${append.stream}, `)) ?? appends[0];
}

function appendResult(row: { next_revision: string | null; last_position: string | null }): AppendResult {
  return { nextExpectedRevision: BigInt(row.next_revision!), position: position(BigInt(row.last_position!)) };
}

function validateAppend(stream: string, events: readonly EventToAppend[]): void {
  if (stream.length === 0 || stream.length > 200) throw new InvalidAppendError('stream name must have 1 to 200 characters');
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  if (events.length > MAX_EVENTS_PER_APPEND) throw new InvalidAppendError(`at most ${MAX_EVENTS_PER_APPEND} events per append`);
}

function isConnectionError(error: unknown): boolean {
  return isDatabaseUnavailable(error);
}
