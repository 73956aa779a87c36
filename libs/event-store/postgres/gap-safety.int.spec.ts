/**
 * The best-known bug of event stores on PostgreSQL: a position handed out before commit becomes visible
 * after a later one was read, and a reader that checkpointed past it never sees it. Here many writers
 * append at once, half of them holding their transaction open for a random while, some rolling back,
 * while a live subscriber reads from the start. It must see every committed event exactly once, in the
 * order of the final log, and nothing that rolled back.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { anEvent } from '../contract/event-store.contract';
import { RecordedEvent } from '../event-store.port';
import { createTestDatabase, TestDatabase } from '../../testing/test-database';
import { PostgresEventStore } from './postgres-event-store';

const WRITERS = 12;
const APPENDS_PER_WRITER = 25;

describe('gap-safe global order on PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: database.url, poolSize: WRITERS + 4 });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('delivers every committed event exactly once, in log order, to a subscriber reading while writers race', async () => {
    const subscription = store.subscribeToAll();
    const seen: RecordedEvent[] = [];
    const reading = (async () => {
      for await (const event of subscription) seen.push(event);
    })();

    const rolledBack: string[] = [];
    await Promise.all(Array.from({ length: WRITERS }, (_, writer) => write(writer)));

    const committed = await store.readAll();
    for (let waited = 0; seen.length < committed.length && waited < 10_000; waited += 20) await sleep(20);
    await subscription.close();
    await reading;

    expect(committed.length).toBe(WRITERS * APPENDS_PER_WRITER - rolledBack.length);
    expect(seen.map((e) => e.id)).toEqual(committed.map((e) => e.id));
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    expect(seen.some((e) => rolledBack.includes(e.id))).toBe(false);

    async function write(writer: number): Promise<void> {
      for (let n = 0; n < APPENDS_PER_WRITER; n++) {
        const event = anEvent('Written', { writer, n });
        if (writer % 2 === 0) {
          await store.appendToStream(`writer-${writer}`, [event]);
          continue;
        }
        const client = await store.pool.connect();
        try {
          await client.query('BEGIN');
          await store.appendToStreamIn(client, `writer-${writer}`, [event]);
          await sleep(Math.random() * 15);
          if (n % 7 === 3) {
            await client.query('ROLLBACK');
            rolledBack.push(event.id);
          } else {
            await client.query('COMMIT');
            store.appended();
          }
        } finally {
          client.release();
        }
      }
    }
  });
});
