/**
 * Consumer groups on PostgreSQL, over any EventStore: a group's events are copied from the log into
 * `consumer_groups.pending` as claims need them (its checkpoint moves in the same transaction), leased,
 * acknowledged (deleted), refused, parked and replayed with explicit SQL. Everything survives restarts.
 */
import { DataSource, EntityManager } from 'typeorm';
import { EventStore, formatPosition, START } from '../event-store';
import {
  Acknowledged,
  Claimed,
  ConsumerGroupConflictError,
  ConsumerGroupNotFoundError,
  GroupSettings,
  GroupView,
  Nacked,
  ParkedEvent,
} from './consumer-group';
import { ingestPage } from './ingest';
import { CITY_CODE, EventScopes, placesWithin } from '../event-scope';
import { redactedAgain, withPersonalFields } from './personal-fields';
import { acknowledge, lease, refuse, releaseExpired, renew } from './lease-sql';
import { delivery, GroupRow, groupCheckpoint, groupView, parkedEvent, PendingRow, rowsOf } from './rows';

export interface ReadOptions {
  /** The caller may receive personal fields (see mayReceivePersonalFields); by default they are stripped. */
  personal?: boolean;
}

/**
 * The caller's org unit: a group outside it answers as missing (ConsumerGroupNotFoundError), so a
 * district's token neither sees nor uses the city's groups or another district's.
 */
export type CallerScope = string;

/** Pages of the log one claim may copy into the queue, so a claim stays short. */
const PAGES_PER_CLAIM = 4;

const GROUP_COLUMNS = `name, scope, filter_types, filter_streams, start_from, max_deliveries, lease_ms, commit_position, prepare_position, acked_total`;

export class ConsumerGroups {
  private readonly scopes: EventScopes;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
  ) {
    this.scopes = new EventScopes(store);
  }

  /** Creates the group, or changes its delivery settings; its filter and start cannot change. */
  async define(name: string, settings: GroupSettings): Promise<{ created: boolean; group: GroupView }> {
    const types = normalise(settings.filter.eventTypes);
    const streams = normalise(settings.filter.streamPrefixes);
    const from = typeof settings.from === 'string' ? settings.from : formatPosition(settings.from);
    const checkpoint =
      settings.from === 'start' ? START : settings.from === 'end' ? ((await this.store.headPosition()) ?? START) : settings.from;
    return this.dataSource.transaction(async (tx) => {
      const inserted: GroupRow[] = await tx.query(
        `INSERT INTO consumer_groups.groups (name, filter_types, filter_streams, start_from, max_deliveries, lease_ms, commit_position, prepare_position, scope)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (name) DO NOTHING RETURNING ${GROUP_COLUMNS}`,
        [
          name,
          types,
          streams,
          from,
          settings.maxDeliveries,
          settings.leaseMs,
          checkpoint.commit.toString(),
          checkpoint.prepare.toString(),
          settings.scope,
        ],
      );
      if (inserted.length > 0) return { created: true, group: await this.view(tx, inserted[0]) };
      // The name is taken, whoever's it is: a creation elsewhere cannot have it (409 tells no more than that).
      const existing = await this.lockGroup(tx, name, CITY_CODE);
      if (existing.scope !== settings.scope) throw new ConsumerGroupConflictError(name, 'org unit');
      if (!sameList(existing.filter_types, types) || !sameList(existing.filter_streams, streams))
        throw new ConsumerGroupConflictError(name, 'filter');
      if (existing.start_from !== from) throw new ConsumerGroupConflictError(name, 'start position');
      const [updated] = await rowsOf<GroupRow>(
        tx,
        `UPDATE consumer_groups.groups SET max_deliveries = $2, lease_ms = $3, updated_at = now() WHERE name = $1 RETURNING ${GROUP_COLUMNS}`,
        [name, settings.maxDeliveries, settings.leaseMs],
      );
      return { created: false, group: await this.view(tx, updated) };
    });
  }

  async get(name: string, scope: CallerScope): Promise<GroupView> {
    return this.inGroup(name, scope, (tx, group) => this.view(tx, group));
  }

  /**
   * Leases what is queued and free for this consumer; while that is fewer than `max`, copies further pages
   * from the log (a few per claim) and leases from them, so a consumer is not starved by a queue full of
   * events of streams another consumer holds.
   */
  async claim(name: string, scope: CallerScope, consumer: string, max: number, options: ReadOptions = {}): Promise<Claimed> {
    const claimed = await this.inGroup(name, scope, async (tx, group): Promise<Claimed> => {
      let rows = await lease(tx, name, consumer, max, group.lease_ms);
      let checkpoint = groupCheckpoint(group);
      for (let page = 0; rows.length < max && page < PAGES_PER_CLAIM; page += 1) {
        const moved = await ingestPage(tx, this.store, this.scopes, group, checkpoint);
        if (!moved) break;
        checkpoint = moved;
        rows = [...rows, ...(await lease(tx, name, consumer, max - rows.length, group.lease_ms))];
      }
      if (rows.length === 0) return { events: [], leaseExpiresAt: null };
      // Timed from now, after the wait for the group's lock and the copying: not already expired when handed out.
      const streams = rows.map((r) => r.stream_id);
      const until = await renew(tx, name, consumer, streams, group.lease_ms);
      return { events: rows.map(delivery), leaseExpiresAt: until.toISOString() };
    });
    return { ...claimed, events: options.personal ? await withPersonalFields(this.store, claimed.events) : redactedAgain(claimed.events) };
  }

  async ack(name: string, scope: CallerScope, consumer: string, eventIds: string[]): Promise<Acknowledged> {
    return this.inGroup(name, scope, async (tx) => {
      const acknowledged = await acknowledge(tx, name, consumer, eventIds);
      return { acknowledged, notHeld: eventIds.filter((id) => !acknowledged.includes(id)) };
    });
  }

  async nack(name: string, scope: CallerScope, consumer: string, eventIds: string[], reason: string): Promise<Nacked> {
    return this.inGroup(name, scope, async (tx, group) => {
      const { retried, parked } = await refuse(tx, name, consumer, eventIds, reason, group.max_deliveries);
      return { retried, parked, notHeld: eventIds.filter((id) => !retried.includes(id) && !parked.includes(id)) };
    });
  }

  async parked(name: string, scope: CallerScope, limit: number, options: ReadOptions = {}): Promise<ParkedEvent[]> {
    const parked = await this.inGroup(name, scope, async (tx) => {
      const rows: PendingRow[] = await tx.query(
        `SELECT event_id, event, deliveries, lease_until, last_reason, parked_at FROM consumer_groups.pending
          WHERE group_name = $1 AND state = 'parked' ORDER BY commit_position, prepare_position LIMIT $2`,
        [name, limit],
      );
      return rows.map(parkedEvent);
    });
    return options.personal ? withPersonalFields(this.store, parked) : redactedAgain(parked);
  }

  /** Puts parked events (all, or those named) back in the queue with a fresh count of deliveries. */
  async replayParked(name: string, scope: CallerScope, eventIds?: string[]): Promise<{ replayed: number }> {
    return this.inGroup(name, scope, async (tx) => {
      const rows = await rowsOf<unknown>(
        tx,
        `UPDATE consumer_groups.pending SET state = 'ready', consumer = NULL, deliveries = 0, parked_at = NULL
          WHERE group_name = $1 AND state = 'parked' AND ($2::uuid[] IS NULL OR event_id = ANY($2::uuid[])) RETURNING 1`,
        [name, eventIds ?? null],
      );
      return { replayed: rows.length };
    });
  }

  /**
   * Groups in name order after `afterName`, at most `limit`. Read without the groups' locks, so a lease
   * that expired since its consumer's last call still counts as leased until the group is next used.
   */
  async list(scope: CallerScope, afterName: string | undefined, limit: number): Promise<GroupView[]> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const groups: GroupRow[] = await tx.query(
        `SELECT ${GROUP_COLUMNS} FROM consumer_groups.groups
          WHERE ($1::text IS NULL OR name > $1) AND scope = ANY($3::text[]) ORDER BY name LIMIT $2`,
        [afterName ?? null, limit, placesWithin(scope)],
      );
      return Promise.all(groups.map((group) => this.view(tx, group)));
    });
  }

  /** Removes the group with its queue; its consumers' next calls answer not found. */
  async remove(name: string, scope: CallerScope): Promise<void> {
    const [, deleted] = await this.dataSource.query(`DELETE FROM consumer_groups.groups WHERE name = $1 AND scope = ANY($2::text[])`, [
      name,
      placesWithin(scope),
    ]);
    if (deleted === 0) throw new ConsumerGroupNotFoundError(name);
  }

  /** Runs `work` holding the group's row lock, after expired leases have been released. */
  private inGroup<T>(name: string, scope: CallerScope, work: (tx: EntityManager, group: GroupRow) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      const group = await this.lockGroup(tx, name, scope);
      await releaseExpired(tx, name, group.max_deliveries);
      return work(tx, group);
    });
  }

  /** The group, locked; one outside the caller's org unit answers as missing. */
  private async lockGroup(tx: EntityManager, name: string, scope: CallerScope): Promise<GroupRow> {
    const [group]: GroupRow[] = await tx.query(`SELECT ${GROUP_COLUMNS} FROM consumer_groups.groups WHERE name = $1 FOR UPDATE`, [name]);
    if (!group || !placesWithin(scope).includes(group.scope)) throw new ConsumerGroupNotFoundError(name);
    return group;
  }

  private async view(tx: EntityManager, group: GroupRow): Promise<GroupView> {
    const [counts]: { ready: number; leased: number; parked: number }[] = await tx.query(
      `SELECT count(*) FILTER (WHERE state = 'ready')::int AS ready, count(*) FILTER (WHERE state = 'leased')::int AS leased,
              count(*) FILTER (WHERE state = 'parked')::int AS parked
         FROM consumer_groups.pending WHERE group_name = $1`,
      [group.name],
    );
    return groupView(group, counts);
  }
}

function normalise(list: readonly string[] | undefined): string[] | null {
  return list && list.length > 0 ? [...new Set(list)].sort() : null;
}

function sameList(a: string[] | null, b: string[] | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
