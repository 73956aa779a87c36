/**
 * The runtime against a real PostgreSQL: two runners on one database never both apply an event (the tally
 * projection below is deliberately not idempotent, so a double delivery would show), the standby takes
 * over, poison events are parked and retried, and a rebuild swaps copies under a running projector.
 */
import { randomUUID } from 'node:crypto';
import { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { DataSource } from 'typeorm';
import { libSchema, openDatabase } from '../database/data-source';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { eventToAppend, openStoreDatabase, StoreDatabase } from '../testing/store-database';
import { loadCheckpoint } from './checkpoints';
import { listParked, retryParked } from './dead-letters';
import { oneByOne, Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjection } from './rebuild';

const poisoned = new Set<string>();

const toAppend = (type: string, data: Record<string, unknown>) => eventToAppend(type, data, '2012-03-15T08:00:00.000Z');

/** Adds one per event, with no guard: applied twice, it counts twice. Throws on ids in `poisoned`. */
function tally(name: string, version = 1): Projection {
  return {
    name,
    version,
    handles: ['Ticked'],
    reportingViews: [],
    tables: (s) => [`CREATE TABLE ${s}.tally (event_id uuid NOT NULL, n int NOT NULL)`],
    applyBatch: oneByOne(async (event: RecordedEvent, tx, schema) => {
      if (poisoned.has(event.data.tick as string)) throw new Error('poison: cannot count this tick');
      await tx.query(`INSERT INTO ${schema}.tally (event_id, n) VALUES ($1, $2)`, [event.id, version]);
    }),
  };
}

async function tick(store: EventStore, count: number, ticks: string[] = []): Promise<void> {
  const stream = `ticker-${randomUUID()}`;
  const events = Array.from({ length: count }, (_, i) => toAppend('Ticked', { tick: ticks[i] ?? randomUUID() }));
  await store.appendToStream(stream, events);
}

async function tallied(dataSource: DataSource, projection: Projection): Promise<{ total: number; distinct: number; schema: string }> {
  const checkpoint = await loadCheckpoint(dataSource.manager, projection);
  if (!checkpoint) return { total: 0, distinct: 0, schema: '' }; // the runner has not created its copy yet
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS total, count(DISTINCT event_id)::int AS distinct FROM ${checkpoint.schema}.tally`,
  );
  return { ...row, schema: checkpoint.schema };
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('projection runner', () => {
  let db: StoreDatabase;
  let second: DataSource;
  beforeEach(async () => {
    db = await openStoreDatabase({ pollIntervalMs: 50 });
    second = await openDatabase(db.database.url, libSchema);
  });
  afterEach(async () => {
    await second.destroy();
    await db.close();
  });

  it('runs a projection in one of two processes, never counts twice, and the standby takes over when the active one stops', async () => {
    const projection = tally(`tally-${randomUUID().slice(0, 8)}`);
    const secondStore = new PostgresEventStore({ connectionString: db.database.url, pollIntervalMs: 50 });
    const a = new ProjectionRunner(projection, db.store, db.dataSource, { batchSize: 7, standbyPollMs: 50 });
    const b = new ProjectionRunner(projection, secondStore, second, { batchSize: 7, standbyPollMs: 50 });
    a.start();
    b.start();
    for (let i = 0; i < 10; i++) await tick(db.store, 20);
    await until(async () => (await tallied(db.dataSource, projection)).total >= 200);
    expect([a.status, b.status].sort()).toEqual(['active', 'standby']);
    const [active, standby] = a.status === 'active' ? [a, b] : [b, a];
    await active.stop();
    for (let i = 0; i < 5; i++) await tick(db.store, 20);
    await until(async () => (await tallied(db.dataSource, projection)).total >= 300);
    expect(standby.status).toBe('active');
    await standby.stop();
    await secondStore.close();
    expect(await tallied(db.dataSource, projection)).toMatchObject({ total: 300, distinct: 300 });
  });

  it('parks a poison event with its error and position, goes on, and applies it on retry once it is fixed', async () => {
    const projection = tally(`tally-${randomUUID().slice(0, 8)}`);
    const bad = randomUUID();
    poisoned.add(bad);
    const runner = new ProjectionRunner(projection, db.store, db.dataSource, { batchSize: 10, maxAttempts: 2, standbyPollMs: 50 });
    runner.start();
    await tick(db.store, 5, [randomUUID(), randomUUID(), bad]);
    await until(async () => (await tallied(db.dataSource, projection)).total >= 4);
    const { schema } = await tallied(db.dataSource, projection);
    const parked = await listParked(db.dataSource, projection.name, schema);
    expect(parked).toEqual([
      expect.objectContaining({
        eventType: 'Ticked',
        error: 'poison: cannot count this tick',
        attempts: 2,
        position: expect.stringMatching(/^\d+$/),
      }),
    ]);
    expect(await retryParked(projection, db.store, db.dataSource)).toEqual({ retried: 1, resolved: 0, stillParked: 1 });
    poisoned.delete(bad);
    expect(await retryParked(projection, db.store, db.dataSource)).toEqual({ retried: 1, resolved: 1, stillParked: 0 });
    expect(await listParked(db.dataSource, projection.name, schema)).toEqual([]);
    await tick(db.store, 1);
    await until(async () => (await tallied(db.dataSource, projection)).total >= 6);
    await runner.stop();
    expect(await tallied(db.dataSource, projection)).toMatchObject({ total: 6, distinct: 6 });
  });

  it('rebuilds into a fresh copy while the runner keeps the old one current, then swaps without losing or doubling an event', async () => {
    const projection = tally(`tally-${randomUUID().slice(0, 8)}`);
    const runner = new ProjectionRunner(projection, db.store, db.dataSource, { batchSize: 5, standbyPollMs: 50 });
    runner.start();
    await tick(db.store, 50);
    await until(async () => (await tallied(db.dataSource, projection)).total >= 50);
    const before = await tallied(db.dataSource, projection);
    const writer = (async () => {
      for (let i = 0; i < 10; i++) await tick(db.store, 5);
    })();
    const result = await rebuildProjection(projection, db.store, db.dataSource, { batchSize: 9 });
    await writer;
    await until(async () => (await tallied(db.dataSource, projection)).total >= 100);
    await runner.stop();
    const after = await tallied(db.dataSource, projection);
    expect(after).toEqual({ total: 100, distinct: 100, schema: result.schema });
    expect(after.schema).not.toBe(before.schema);
    const [{ exists }] = await db.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM information_schema.schemata WHERE schema_name = $1) AS exists`,
      [before.schema],
    );
    expect(exists).toBe(false);
  });

  it('moves its checkpoint to the head over events of types it does not handle, so what it reflects catches up with the log', async () => {
    const projection = tally(`tally-${randomUUID().slice(0, 8)}`);
    const runner = new ProjectionRunner(projection, db.store, db.dataSource, { standbyPollMs: 50 });
    runner.start();
    let other;
    try {
      await tick(db.store, 3);
      await until(async () => (await tallied(db.dataSource, projection)).total >= 3);
      other = await db.store.appendToStream(`tocker-${randomUUID()}`, [toAppend('Tocked', { tock: 1 }), toAppend('Tocked', { tock: 2 })]);
      const head = other.position;
      await until(async () => (await loadCheckpoint(db.dataSource.manager, projection))?.position?.commit === head.commit, 10_000);
    } finally {
      await runner.stop();
    }
    const checkpoint = await loadCheckpoint(db.dataSource.manager, projection);
    expect(checkpoint).toMatchObject({ position: other.position, eventsApplied: 3n });
    expect(await tallied(db.dataSource, projection)).toMatchObject({ total: 3, distinct: 3 });
  });

  it('rebuilds at start-up when the projection version is raised', async () => {
    const name = `tally-${randomUUID().slice(0, 8)}`;
    const v1 = new ProjectionRunner(tally(name, 1), db.store, db.dataSource, { standbyPollMs: 50 });
    v1.start();
    await tick(db.store, 30);
    await until(async () => (await tallied(db.dataSource, tally(name))).total >= 30);
    await v1.stop();
    const v2 = new ProjectionRunner(tally(name, 2), db.store, db.dataSource, { standbyPollMs: 50 });
    v2.start();
    await until(async () => (await loadCheckpoint(db.dataSource.manager, { name }))?.version === 2);
    await tick(db.store, 3);
    await until(async () => (await tallied(db.dataSource, tally(name))).total >= 33);
    await v2.stop();
    const checkpoint = await loadCheckpoint(db.dataSource.manager, { name });
    const rows = await db.dataSource.query(`SELECT n, count(*)::int AS count FROM ${checkpoint?.schema}.tally GROUP BY n`);
    expect(rows).toEqual([{ n: 2, count: 33 }]);
  });
});
