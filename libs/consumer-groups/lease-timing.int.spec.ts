/**
 * Leases are timed from when they are granted or checked, not from when the claim's transaction began:
 * a claim that first waits for the group's row lock (held here by another connection, as a claim copying
 * pages of the log would) must not hand out leases that have already expired.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { QueryRunner } from 'typeorm';
import { CITY_CODE } from '../event-scope';
import { eventToAppend, openStoreDatabase, StoreDatabase } from '../testing/store-database';
import { ConsumerGroups } from './consumer-groups';

const LEASE_MS = 1000;

describe('consumer group leases after a wait for the group lock', () => {
  let db: StoreDatabase;
  let groups: ConsumerGroups;

  beforeEach(async () => {
    db = await openStoreDatabase();
    groups = new ConsumerGroups(db.dataSource, db.store);
    await groups.define('g', { filter: {}, from: 'start', maxDeliveries: 5, leaseMs: LEASE_MS, scope: CITY_CODE });
  });

  afterEach(async () => {
    await db.close();
  });

  /** Holds the group's row lock from another connection; returns the function that lets it go. */
  async function lockGroup(): Promise<() => Promise<void>> {
    const blocker: QueryRunner = db.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT 1 FROM consumer_groups.groups WHERE name = 'g' FOR UPDATE`);
    return async () => {
      await blocker.commitTransaction();
      await blocker.release();
    };
  }

  /** Waits until some backend of this database is waiting for a lock (the claim behind the blocker). */
  async function untilWaitingForLock(): Promise<void> {
    for (;;) {
      const [{ n }] = await db.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (n > 0) return;
      await sleep(20);
    }
  }

  /** Starts `claim`, lets it wait for the group's lock for longer than a lease lasts, then lets it go on. */
  async function afterWaitingLongerThanALease<T>(claim: () => Promise<T>): Promise<T> {
    const unlock = await lockGroup();
    const claimed = claim();
    try {
      await untilWaitingForLock();
      await sleep(LEASE_MS + 500);
    } finally {
      await unlock();
    }
    return claimed;
  }

  async function databaseNow(): Promise<Date> {
    const [{ now }] = await db.dataSource.query(`SELECT clock_timestamp() AS now`);
    return now;
  }

  it('hands out leases that are still running, and the stream stays with their consumer', async () => {
    await db.store.appendToStream('loan-1', [eventToAppend('LoanGranted')]);

    const a = await afterWaitingLongerThanALease(() => groups.claim('g', CITY_CODE, 'A', 10));
    const returnedAt = await databaseNow();

    expect(a.events.map((e) => e.attempt)).toEqual([1]);
    expect(a.leaseExpiresAt).not.toBeNull();
    expect(new Date(a.leaseExpiresAt!).getTime()).toBeGreaterThan(returnedAt.getTime());

    const b = await groups.claim('g', CITY_CODE, 'B', 10);
    expect(b.events).toEqual([]);

    const acked = await groups.ack(
      'g',
      CITY_CODE,
      'A',
      a.events.map((e) => e.id),
    );
    expect(acked).toEqual({ acknowledged: a.events.map((e) => e.id), notHeld: [] });
  });

  it('releases a lease that expired while the claim waited for the lock', async () => {
    await db.store.appendToStream('loan-1', [eventToAppend('LoanGranted')]);
    const a = await groups.claim('g', CITY_CODE, 'A', 10);
    expect(a.events).toHaveLength(1);

    const b = await afterWaitingLongerThanALease(() => groups.claim('g', CITY_CODE, 'B', 10));

    expect(b.events.map((e) => [e.id, e.attempt])).toEqual([[a.events[0].id, 2]]);
  });
});
