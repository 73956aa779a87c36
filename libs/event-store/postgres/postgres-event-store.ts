/**
 * The EventStore port on PostgreSQL: one table, an append as one prepared statement (append-statement.ts),
 * gap-safe reads of the global log, and subscriptions woken by LISTEN/NOTIFY. See README.md beside this file for the design.
 */
import { Pool, PoolClient, PoolConfig } from 'pg';
import { Clock, systemClock } from '../../clock';
import {
  AppendOptions,
  AppendResult,
  CheckpointReached,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { Position, position } from '../position';
import { LogNotifier } from './log-notifier';
import { PollingSubscription } from './polling-subscription';
import { isRevisionRace, translateAppendError } from './append-errors';
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
import { appendEvents, currentRevision, racedAppend, validateAppend } from './append';
import { prepared } from './prepared-statement';
import { storeQuery, unavailableOr } from './store-query';

export { MAX_EVENTS_PER_APPEND } from './append';

export interface PostgresEventStoreOptions {
  connectionString: string;
  pool?: Pool;
  clock?: Clock;
  /** Fallback poll of live subscriptions, for notifications lost while a listener reconnects. */
  pollIntervalMs?: number;
  poolSize?: number;
}

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
    const result = await appendEvents(this.pool, true, stream, events, options, this.clock.now().toISOString());
    if (result.written) this.notifier.appended();
    return result.result;
  }

  /**
   * Appends inside a transaction the caller holds open on `client`, so other rows (an idempotency record, a
   * test's deliberate delay) commit or roll back with the events. Call `appended()` after the commit.
   * A refused append (WrongExpectedRevisionError with the actual revision) leaves the transaction usable;
   * under READ COMMITTED an `any` append that lost a race tries again inside it (README.md, Appends).
   */
  async appendToStreamIn(
    client: PoolClient,
    stream: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    return (await appendEvents(client, false, stream, events, options, this.clock.now().toISOString())).result;
  }

  /** Many streams in one transaction (append-streams.ts): all written, or none. */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    for (const { stream, events } of appends) validateAppend(stream, events);
    const client = await this.pool.connect().catch((error: unknown) => {
      throw unavailableOr(error);
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
        throw new WrongExpectedRevisionError(raced.stream, raced.expectedRevision ?? 'any', await currentRevision(raced.stream, this.pool));
      }
      throw isDatabaseUnavailable(error) ? unavailableOr(error) : translateAppendError(appends[0].stream, error);
    } finally {
      client.release();
    }
  }

  /** Wakes subscribers after a commit of `appendToStreamIn`. */
  appended(): void {
    this.notifier.appended();
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 2n ** 62n : 0n);
    const rows = await storeQuery<EventRow>(
      this.pool,
      `SELECT ${EVENT_COLUMNS} FROM event_store.events
        WHERE stream_id = $1 AND stream_revision ${backwards ? '<=' : '>='} $2
        ORDER BY stream_revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
      [stream, from.toString(), options.maxCount ?? null],
      ROW_TYPES,
    );
    if (rows.length === 0 && !(await this.streamExists(stream))) throw new StreamNotFoundError(stream);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    if (options.keepJsonText)
      return (await storeQuery<EventTextRow>(this.pool, prepared(readAllQuery(options), ROW_TYPES_KEEPING_JSON_TEXT))).map(
        toEventKeepingJsonText,
      );
    return (await storeQuery<EventRow>(this.pool, prepared(readAllQuery(options), ROW_TYPES))).map(toRecordedEvent);
  }

  /** A forwards read, and how far it read: see readAllUpToQuery. */
  async readAllUpTo(options: ReadAllOptions): Promise<{ events: RecordedEvent[]; reached?: CheckpointReached }> {
    return readUpTo(await storeQuery<ReadUpToRow>(this.pool, prepared(readAllUpToQuery(options), ROW_TYPES)));
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
    const [row] = await storeQuery<{ head: string | null }>(this.pool, prepared({ text: HEAD_STATEMENT, values: [] }));
    return row.head === null ? undefined : position(BigInt(row.head));
  }

  async close(): Promise<void> {
    await this.notifier.close();
    if (this.ownsPool) await this.pool.end();
  }

  private async streamExists(stream: string): Promise<boolean> {
    const rows = await storeQuery(this.pool, `SELECT 1 FROM event_store.events WHERE stream_id = $1 LIMIT 1`, [stream]);
    return rows.length > 0;
  }
}

const HEAD_STATEMENT = `SELECT max(log_position) AS head FROM event_store.events WHERE log_position < ${VISIBLE_LIMIT}`;
