/**
 * Gauges read from the database when /metrics is scraped: how long the log has been held back by an open
 * transaction, events parked by projections and by consumer groups, each group's backlog (queued and not yet
 * copied from the log), and the idempotency store's size. Registered once per registry.
 */
import { Gauge, Registry } from 'prom-client';
import { EventStore, position, START } from '../event-store';
import { LogHolder, oldestLogHolder, Queryable } from './log-holder';

/** The backlog read from the log is counted up to this many events per group, as projection lags are. */
export const BACKLOG_COUNT_LIMIT = 1_000;

export class OperationalMetrics {
  private readonly logHeldBack: Gauge;
  private readonly projectionParked: Gauge<'projection'>;
  private readonly groupParked: Gauge<'group'>;
  private readonly groupBacklog: Gauge<'group'>;
  private readonly idempotencyKeys: Gauge;
  private readonly idempotencyBytes: Gauge;

  constructor(registry: Registry) {
    const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
      new Gauge<L>({ name, help, labelNames, registers: [registry] });
    this.logHeldBack = gauge(
      'family_ledger_log_held_back_seconds',
      'Age of the oldest open transaction with a transaction id: readers of the log see nothing appended since it began (0: none)',
    );
    this.projectionParked = gauge('family_ledger_projection_parked_events', 'Events a projection parked as poison and has not retried', [
      'projection',
    ]);
    this.groupParked = gauge('family_ledger_consumer_group_parked_events', 'Events a consumer group parked after maxDeliveries', ['group']);
    this.groupBacklog = gauge(
      'family_ledger_consumer_group_backlog_events',
      `Events a consumer group has not acknowledged: queued (ready or leased) plus matching events not yet copied from the log (counted up to ${BACKLOG_COUNT_LIMIT})`,
      ['group'],
    );
    this.idempotencyKeys = gauge('family_ledger_idempotency_keys', 'Stored answers in the idempotency store');
    this.idempotencyBytes = gauge('family_ledger_idempotency_store_bytes', 'Size on disk of the idempotency store (table, indexes, TOAST)');
  }

  /** Reads everything afresh; returns the log holder so /health and /metrics say the same. */
  async refresh(db: Queryable, store: EventStore, projectionNames: readonly string[]): Promise<LogHolder | null> {
    const holder = await oldestLogHolder(db);
    this.logHeldBack.set(holder?.seconds ?? 0);
    const parked: { projection: string; n: number }[] = await db.query(
      `SELECT projection, count(*)::int AS n FROM projections.dead_letters WHERE retried_at IS NULL GROUP BY projection`,
    );
    this.projectionParked.reset();
    for (const name of projectionNames) this.projectionParked.set({ projection: name }, 0);
    for (const row of parked) this.projectionParked.set({ projection: row.projection }, row.n);
    await this.refreshGroups(db, store);
    const [size] = await db.query(
      `SELECT (SELECT count(*) FROM idempotency.keys)::float8 AS keys, pg_total_relation_size('idempotency.keys')::float8 AS bytes`,
    );
    this.idempotencyKeys.set(size.keys);
    this.idempotencyBytes.set(size.bytes);
    return holder;
  }

  private async refreshGroups(db: Queryable, store: EventStore): Promise<void> {
    const groups: {
      name: string;
      filter_types: string[] | null;
      filter_streams: string[] | null;
      commit_position: string;
      prepare_position: string;
      queued: number;
      parked: number;
    }[] = await db.query(`
      SELECT g.name, g.filter_types, g.filter_streams, g.commit_position::text, g.prepare_position::text,
             count(*) FILTER (WHERE p.state IN ('ready', 'leased'))::int AS queued,
             count(*) FILTER (WHERE p.state = 'parked')::int AS parked
        FROM consumer_groups.groups AS g LEFT JOIN consumer_groups.pending AS p ON p.group_name = g.name
       GROUP BY g.name`);
    this.groupParked.reset();
    this.groupBacklog.reset();
    for (const group of groups) {
      const checkpoint = position(BigInt(group.commit_position), BigInt(group.prepare_position));
      const atStart = checkpoint.commit === START.commit && checkpoint.prepare === START.prepare;
      const uncopied = await store.readAll({
        fromPosition: atStart ? 'start' : checkpoint,
        maxCount: BACKLOG_COUNT_LIMIT,
        filter: { eventTypes: group.filter_types ?? undefined, streamPrefixes: group.filter_streams ?? undefined },
      });
      this.groupParked.set({ group: group.name }, group.parked);
      this.groupBacklog.set({ group: group.name }, group.queued + uncopied.length);
    }
  }
}

const perRegistry = new WeakMap<Registry, OperationalMetrics>();

/** The gauges of a registry, registered on first use. */
export function operationalMetrics(registry: Registry): OperationalMetrics {
  let metrics = perRegistry.get(registry);
  if (!metrics) perRegistry.set(registry, (metrics = new OperationalMetrics(registry)));
  return metrics;
}
