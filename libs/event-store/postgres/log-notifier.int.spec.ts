/**
 * A closed notifier keeps no connection: closing the store while its LISTEN connection is still connecting
 * (right after the first subscription, or during a reconnect) must not leave that connection behind once
 * the connect completes.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, TestDatabase, withAdmin } from '../../testing/test-database';
import { PostgresEventStore } from './postgres-event-store';

/** Process ids of the database's backends running LISTEN, seen from an admin connection of its own. */
async function listeningPids(database: TestDatabase): Promise<number[]> {
  const { rows } = await withAdmin((admin) =>
    admin.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'`, [database.name]),
  );
  return rows.map((r: { pid: number }) => r.pid);
}

const listeningBackends = async (database: TestDatabase): Promise<number> => (await listeningPids(database)).length;

/** Waits (a bounded while) until the database's LISTEN backends satisfy `done`. */
async function untilListening(database: TestDatabase, done: (pids: number[]) => boolean): Promise<number[]> {
  for (let look = 0; look < 200; look += 1) {
    const pids = await listeningPids(database);
    if (done(pids)) return pids;
    await sleep(50);
  }
  throw new Error('the LISTEN backends did not reach the expected state');
}

describe('LogNotifier', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await database.drop();
  });

  it('leaves no LISTEN connection when the store is closed while it is still connecting', async () => {
    const store = new PostgresEventStore({ connectionString: database.url });
    const subscription = store.subscribeToAll(); // starts listening
    await subscription.close();
    await store.close();

    await sleep(1500); // long enough for a connect left running to complete and LISTEN
    expect(await listeningBackends(database)).toBe(0);
  });

  it('leaves no LISTEN connection when closed after it listened', async () => {
    const store = new PostgresEventStore({ connectionString: database.url });
    const subscription = store.subscribeToAll();
    await untilListening(database, (pids) => pids.length > 0);
    await subscription.close();
    await store.close();

    await sleep(1500);
    expect(await listeningBackends(database)).toBe(0);
  });

  it('listens again after losing its connection, and keeps none once closed', async () => {
    const store = new PostgresEventStore({ connectionString: database.url });
    const subscription = store.subscribeToAll();
    const [first] = await untilListening(database, (pids) => pids.length > 0);
    await withAdmin((admin) => admin.query(`SELECT pg_terminate_backend($1)`, [first]));
    await untilListening(database, (pids) => pids.length > 0 && !pids.includes(first));
    await subscription.close();
    await store.close();

    await sleep(1500);
    expect(await listeningBackends(database)).toBe(0);
  });
});
