/**
 * A failure that is the database's state, not the event's (a lock held by an operator's ALTER or REINDEX past
 * the lock timeout, a cancelled statement, a lost connection), parks nothing: the runner tries again after its
 * pause and applies the event once the database lets it. Parking it moved the checkpoint past a healthy event
 * and left the read model without it until someone retried by hand.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { RecordedEvent } from '../event-store/event-store.port';
import { libSchema, openDatabase } from '../database/data-source';
import { eventToAppend, openStoreDatabase, StoreDatabase } from '../testing/store-database';
import { loadCheckpoint } from './checkpoints';
import { listParked } from './dead-letters';
import { oneByOne, Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

/** One row per event; its writes give up after 30 ms of waiting for a lock, as a statement under lock_timeout does. */
const impatient = (name: string): Projection => ({
  name,
  version: 1,
  handles: ['Ticked'],
  reportingViews: [],
  tables: (s) => [`CREATE TABLE ${s}.tally (event_id uuid PRIMARY KEY)`],
  applyBatch: oneByOne(async (event: RecordedEvent, tx, schema) => {
    await tx.query(`SET LOCAL lock_timeout = '30ms'`);
    await tx.query(`INSERT INTO ${schema}.tally (event_id) VALUES ($1)`, [event.id]);
  }),
});

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(20);
  }
}

describe('a projection whose database is briefly in the way', () => {
  let db: StoreDatabase;
  let operator: DataSource;
  beforeEach(async () => {
    db = await openStoreDatabase({ pollIntervalMs: 50 });
    operator = await openDatabase(db.database.url, libSchema);
  });
  afterEach(async () => {
    await operator.destroy();
    await db.close();
  });

  it('parks nothing while a lock times its writes out, and applies every event once the lock is gone', async () => {
    const projection = impatient(`impatient-${randomUUID().slice(0, 8)}`);
    const runner = new ProjectionRunner(projection, db.store, db.dataSource, { batchSize: 10, maxAttempts: 2, standbyPollMs: 50 });
    const tick = () =>
      db.store.appendToStream(`ticker-${randomUUID()}`, [eventToAppend('Ticked', { tick: randomUUID() }, '2012-03-15T08:00:00.000Z')]);
    const count = async (schema: string) => (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${schema}.tally`))[0].n as number;
    runner.start();
    await tick();
    await until(async () => {
      const checkpoint = await loadCheckpoint(db.dataSource.manager, projection);
      return !!checkpoint && (await count(checkpoint.schema)) === 1;
    });
    const { schema } = (await loadCheckpoint(db.dataSource.manager, projection))!;
    // An operator's statement holds the table for longer than the runner's attempts and one of its pauses (a SHARE
    // lock, which takes no transaction id: the log's visibility limit does not wait for it).
    const lock = operator.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query(`LOCK TABLE ${schema}.tally IN SHARE MODE`);
    for (let i = 0; i < 3; i++) await tick();
    await sleep(1_500);
    await lock.commitTransaction();
    await lock.release();
    await until(async () => (await count(schema)) === 4);
    await runner.stop();
    expect(await listParked(db.dataSource, projection.name, schema)).toEqual([]);
  });
});
