/**
 * A key's look-up that overlaps a change of its status must not leave the old status cached. The interleaving
 * is forced against a real PostgreSQL: the look-up's read of the key table is held after it has answered
 * (the key still active) until a restriction has committed and forgotten the key; then the look-up ends.
 * (A restriction rather than an erasure: an erasure also retires the wrapping key, and the look-up, finding
 * it gone, reads the key again, which hides the race.)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { libSchema, openDatabase } from '../database/data-source';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { DataKeyStore, KeyDatabase } from './data-keys';
import { WrappingKeyFiles } from './wrapping-keys';

/** The real database, except that the next read of data keys waits, once it has its rows, for `release`. */
function holdingNextKeyRead(dataSource: DataSource) {
  let held: { answered: () => void; release: Promise<void> } | undefined;
  const database: KeyDatabase = {
    query: async (sql: string, parameters?: unknown[]) => {
      const rows = await dataSource.query(sql, parameters);
      const hold = sql.startsWith('SELECT key_id, status, wrapped_key, kek_id FROM personal_data.data_keys WHERE key_id = ANY')
        ? held
        : undefined;
      if (hold) {
        held = undefined;
        hold.answered();
        await hold.release;
      }
      return rows;
    },
    transaction: (work) => dataSource.transaction((tx) => work(tx)),
  };
  const holdNext = () => {
    let release!: () => void;
    let answered!: () => void;
    const read = new Promise<void>((resolve) => (answered = resolve));
    held = { answered, release: new Promise<void>((resolve) => (release = resolve)) };
    return { read, release };
  };
  return { database, holdNext };
}

describe('a data key restricted while it is being looked up', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const masterKey = randomBytes(32);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, libSchema);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('is not cached as active by the look-up that read it before the restriction', async () => {
    const { database: keys, holdNext } = holdingNextKeyRead(dataSource);
    const material = { masterKey, wrappingKeys: new WrappingKeyFiles(mkdtempSync(join(tmpdir(), 'race-keys-')), masterKey) };
    // A cache long enough that a wrongly kept entry would still answer at the end of the test.
    const store = new DataKeyStore(keys, material, 60_000);
    const id = randomUUID();
    await new DataKeyStore(dataSource, material, 0).getOrCreate(id);

    const hold = holdNext();
    const lookUp = store.states([id]);
    await hold.read; // the look-up has read the key, still active
    expect(await store.restrict(id, { actor: 'test', legalBasis: 'purpose-achieved' })).toBe(true);
    hold.release();

    expect((await lookUp).get(id)?.status).toBe('active'); // what it read: the restriction came after
    expect((await store.states([id])).get(id)).toMatchObject({ status: 'restricted' });
  });
});
