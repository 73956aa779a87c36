/**
 * Data keys and their wrapping keys against a real PostgreSQL: erasure retires the wrapping key and
 * destroys its file while every other key stays readable, keys wrapped by the master key (before wrapping
 * keys) are moved under them at start-up, and creations racing an erasure all end up readable.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { libSchema, openDatabase } from '../database/data-source';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { DataKeyStore, KeyState } from './data-keys';
import { seal, WrappingKeyFiles } from './wrapping-keys';

const keyOf = (state: KeyState | undefined) => (state && state.status !== 'erased' ? state.key : undefined);

describe('data keys under wrapping keys', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let dir: string;
  const masterKey = randomBytes(32);
  const newStore = () => new DataKeyStore(dataSource, { masterKey, wrappingKeys: new WrappingKeyFiles(dir, masterKey) }, 0);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, libSchema);
    dir = mkdtempSync(join(tmpdir(), 'wrapping-keys-'));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const kekOf = async (id: string): Promise<string> =>
    (await dataSource.query(`SELECT kek_id FROM personal_data.data_keys WHERE key_id = $1`, [id]))[0].kek_id;

  it('retires the wrapping key on erasure: its file is destroyed, the others are wrapped again and still open', async () => {
    const store = newStore();
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const keys = await Promise.all([a, b, c].map(async (id) => keyOf(await store.getOrCreate(id))));
    const before = await kekOf(a);
    expect(existsSync(join(dir, `${before}.key`))).toBe(true);
    await store.erase(b, { actor: 'test', legalBasis: 'purpose-achieved' });
    expect(existsSync(join(dir, `${before}.key`))).toBe(false);
    expect(await kekOf(a)).not.toBe(before);
    const fresh = await newStore().states([a, b, c]);
    expect([keyOf(fresh.get(a)), fresh.get(b), keyOf(fresh.get(c))]).toEqual([keys[0], { status: 'erased' }, keys[2]]);
    const [{ status }] = await dataSource.query(`SELECT status FROM personal_data.wrapping_keys WHERE kek_id = $1`, [before]);
    expect(status).toBe('retired');
  });

  it('moves keys wrapped by the master key under wrapping keys at start-up, restricted ones staying restricted', async () => {
    const [active, restricted] = [randomUUID(), randomUUID()];
    const plain = [randomBytes(32), randomBytes(32)];
    await dataSource.query(
      `INSERT INTO personal_data.data_keys (key_id, status, wrapped_key, created_at) VALUES ($1, 'active', $2, '2013-05-01T00:00:00Z'), ($3, 'restricted', $4, '2013-05-01T00:00:00Z')`,
      [active, seal(masterKey, plain[0], active), restricted, seal(masterKey, plain[1], restricted)],
    );
    expect(await newStore().prepare()).toBeGreaterThanOrEqual(2);
    const [{ legacy }] = await dataSource.query(
      `SELECT count(*)::int AS legacy FROM personal_data.data_keys WHERE kek_id IS NULL AND wrapped_key IS NOT NULL`,
    );
    expect(legacy).toBe(0);
    const states = await newStore().states([active, restricted]);
    expect(states.get(active)).toEqual({ status: 'active', key: plain[0] });
    expect(states.get(restricted)).toEqual({ status: 'restricted', key: plain[1] });
    const [{ period }] = await dataSource.query(
      `SELECT w.period FROM personal_data.wrapping_keys w JOIN personal_data.data_keys d USING (kek_id) WHERE d.key_id = $1`,
      [active],
    );
    expect(period).toBe('2013-05');
  });

  it('creates the keys asked for at once in one statement, each readable, an existing one kept as it was', async () => {
    const statements: string[] = [];
    const counted = Object.assign(Object.create(dataSource) as DataSource, {
      query: (sql: string, parameters?: unknown[]) => (statements.push(sql), dataSource.query(sql, parameters)),
    });
    const store = new DataKeyStore(counted, { masterKey, wrappingKeys: new WrappingKeyFiles(dir, masterKey) }, 0);
    const existing = randomUUID();
    const before = keyOf(await newStore().getOrCreate(existing));
    await store.getOrCreate(randomUUID()); // the period's wrapping key is looked up once and remembered
    statements.length = 0;
    const ids = [existing, ...Array.from({ length: 8 }, () => randomUUID())];
    const keys = await Promise.all(ids.map((id) => store.getOrCreate(id).then(keyOf)));
    expect(statements).toHaveLength(1);
    expect(keys[0]).toEqual(before);
    const read = await newStore().states(ids);
    expect(ids.map((id) => keyOf(read.get(id)))).toEqual(keys);
    expect(new Set(keys.map((k) => k?.toString('hex'))).size).toBe(ids.length);
  });

  it('creates a key under the active wrapping key after another process retired the one it remembered', async () => {
    const [writer, eraser] = [newStore(), newStore()];
    const first = randomUUID();
    await writer.getOrCreate(first);
    const retired = await kekOf(first);
    await eraser.erase(first, { actor: 'test', legalBasis: 'purpose-achieved' });
    const second = randomUUID();
    const key = keyOf(await writer.getOrCreate(second));
    const [{ status }] = await dataSource.query(`SELECT status FROM personal_data.wrapping_keys WHERE kek_id = $1`, [await kekOf(second)]);
    expect({ retiredAgain: (await kekOf(second)) === retired, status }).toEqual({ retiredAgain: false, status: 'active' });
    expect(keyOf((await newStore().states([second])).get(second))).toEqual(key);
    expect(keyOf(await writer.getOrCreate(second))).toEqual(key);
  });

  it('keeps every key created while another process erases in the same period readable', async () => {
    const [writer, eraser] = [newStore(), newStore()];
    const victims = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const id = randomUUID();
        await writer.getOrCreate(id);
        return id;
      }),
    );
    const created = Array.from({ length: 40 }, () => randomUUID());
    const results = await Promise.all([
      ...created.map(async (id) => [id, keyOf(await writer.getOrCreate(id))] as const),
      ...victims.map(async (id) => {
        await eraser.erase(id, { actor: 'test', legalBasis: 'purpose-achieved' });
        return [id, undefined] as const;
      }),
    ]);
    const states = await newStore().states(created);
    for (const [id, key] of results.filter(([id]) => created.includes(id))) expect(keyOf(states.get(id))).toEqual(key);
    const [{ active }] = await dataSource.query(`SELECT count(*)::int AS active FROM personal_data.wrapping_keys WHERE status = 'active'`);
    const files = new WrappingKeyFiles(dir, masterKey)
      .list()
      .map((f) => f.id)
      .sort();
    const live = (await dataSource.query(`SELECT kek_id FROM personal_data.wrapping_keys WHERE status = 'active' ORDER BY kek_id`)).map(
      (r: { kek_id: string }) => r.kek_id,
    );
    expect(files).toEqual(live);
    expect(active).toBe(live.length);
  });
});
