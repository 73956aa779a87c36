import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { verifyChain } from '../event-store/hash-chain';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import type { EventToAppend } from '../event-store/event-store.port';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { accessContext } from './access-context';
import { DataKeyStore } from './data-keys';
import { poolDatabase } from './testing/pool-database';
import { WrappingKeyFiles } from './wrapping-keys';
import { ERASED, RESTRICTED } from './field-crypto';
import { ProtectedEventStore } from './protected-event-store';

const principal = (roles: string[]) => ({ sub: 'someone', roles, ou: '640100', scopes: [] }) as never;

describe('ProtectedEventStore over PostgreSQL', () => {
  let database: TestDatabase;
  let pool: Pool;
  let raw: PostgresEventStore;
  let store: ProtectedEventStore;
  let keys: DataKeyStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url });
    // As the store's own pool: an idle connection the server ended (the database dropped, a restart) is replaced on next use.
    pool.on('error', () => undefined);
    raw = new PostgresEventStore({ connectionString: database.url });
    const masterKey = randomBytes(32);
    keys = new DataKeyStore(poolDatabase(pool), {
      masterKey,
      wrappingKeys: new WrappingKeyFiles(mkdtempSync(join(tmpdir(), 'wrapping-keys-')), masterKey),
    });
    store = new ProtectedEventStore(raw, keys);
  });
  afterAll(async () => {
    await raw.close();
    await pool.end();
    await database.drop();
  });

  const enrolled = (householdId: string, name: string): EventToAppend => ({
    id: randomUUID(),
    type: 'HouseholdEnrolled',
    data: {
      householdId,
      villageCode: '640104001001',
      category: 'stable',
      members: 3,
      head: { name, idNumber: '640104199001011234' },
      enrolmentYear: 2012,
      batch: 1,
    },
    metadata: { actor: 'registrar-1', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-03-01T00:00:00.000Z' },
  });
  const withdrawn = (householdId: string, reason: string): EventToAppend => ({
    ...enrolled(householdId, 'x'),
    id: randomUUID(),
    type: 'HouseholdWithdrawn',
    data: { householdId, reason },
  });

  async function rawRows(householdId: string): Promise<string> {
    const { rows } = await pool.query(`SELECT data::text AS data FROM event_store.events WHERE stream_id = $1`, [
      `household-${householdId}`,
    ]);
    return rows.map((r) => r.data).join('\n');
  }

  it('stores personal fields only as ciphertext and reads them back in the clear', async () => {
    const id = randomUUID();
    await store.appendToStream(`household-${id}`, [enrolled(id, 'Ma Lan'), withdrawn(id, 'moved to Ningbo for her cancer care')]);
    const text = await rawRows(id);
    expect(text).not.toContain('Ma Lan');
    expect(text).not.toContain('640104199001011234');
    expect(text).not.toContain('cancer');
    expect(text).toContain('640104001001');
    const [first, second] = await store.readStream(`household-${id}`);
    expect(first.data.head).toEqual({ name: 'Ma Lan', idNumber: '640104199001011234' });
    expect(second.data.reason).toBe('moved to Ningbo for her cancer care');
  });

  it('reads every personal field as erased after the key is destroyed, while the hash chain still verifies', async () => {
    const id = randomUUID();
    await store.appendToStream(`household-${id}`, [enrolled(id, 'Li Wei'), withdrawn(id, 'private reason')]);
    await keys.erase(id, { actor: 'admin-1', legalBasis: 'purpose-achieved' });
    const events = await store.readStream(`household-${id}`);
    expect(events[0].data.head).toEqual({ name: ERASED, idNumber: ERASED });
    expect(events[1].data.reason).toBe(ERASED);
    const all = await store.readAll({ filter: { streamPrefixes: [`household-${id}`] } });
    expect(JSON.stringify(all.map((e) => e.data))).not.toContain('Li Wei');
    expect(verifyChain(await raw.readStream(`household-${id}`))).toBeUndefined();
    const { rows } = await pool.query(`SELECT status, wrapped_key FROM personal_data.data_keys WHERE key_id = $1`, [id]);
    expect(rows).toEqual([{ status: 'erased', wrapped_key: null }]);
  });

  it('keeps no new personal data for an erased household, while recording the fact', async () => {
    const id = randomUUID();
    await store.appendToStream(`household-${id}`, [enrolled(id, 'Zhao Min')]);
    await keys.erase(id, { actor: 'admin-1', legalBasis: 'purpose-achieved' });
    await store.appendToStream(`household-${id}`, [withdrawn(id, 'moved in with her daughter')]);
    expect(await rawRows(id)).not.toContain('daughter');
    const [, second] = await store.readStream(`household-${id}`);
    expect(second).toMatchObject({ type: 'HouseholdWithdrawn', data: { householdId: id, reason: ERASED } });
  });

  it('shows restricted data only to an auditor who stated a purpose', async () => {
    const id = randomUUID();
    await store.appendToStream(`household-${id}`, [enrolled(id, 'Wang Fang')]);
    expect(await keys.restrict(id, { actor: 'admin-1', legalBasis: 'consent-withdrawn' })).toBe(true);
    const read = () => store.readStream(`household-${id}`).then(([event]) => (event.data.head as { name: string }).name);
    expect(await read()).toBe(RESTRICTED);
    expect(await accessContext.run({ principal: principal(['admin']), purpose: 'audit' }, read)).toBe(RESTRICTED);
    expect(await accessContext.run({ principal: principal(['auditor']) }, read)).toBe(RESTRICTED);
    expect(await accessContext.run({ principal: principal(['auditor']), purpose: 'case 2012-17 review' }, read)).toBe('Wang Fang');
    expect(await keys.lift(id, { actor: 'admin-1' })).toBe(true);
    expect(await read()).toBe('Wang Fang');
  });

  it('decrypts events delivered by a subscription', async () => {
    const id = randomUUID();
    const head = await raw.headPosition();
    await store.appendToStream(`household-${id}`, [enrolled(id, 'Sun Li')]);
    const subscription = store.subscribeToAll({ fromPosition: head ?? 'start', filter: { streamPrefixes: [`household-${id}`] } });
    for await (const event of subscription) {
      expect((event.data.head as { name: string }).name).toBe('Sun Li');
      break;
    }
  });

  it('leaves events without personal fields untouched and creates no key for them', async () => {
    const id = randomUUID();
    const event = {
      ...enrolled(id, 'x'),
      type: 'LoanRepaymentRecorded',
      data: { loanId: randomUUID(), householdId: id, amountFen: 100, outstandingFen: 0 },
    };
    await store.appendToStream(`loan-${randomUUID()}`, [event]);
    const { rows } = await pool.query(`SELECT 1 FROM personal_data.data_keys WHERE key_id = $1`, [id]);
    expect(rows).toHaveLength(0);
  });

  it('seals a multi-stream append as it seals each append: one new key per household, an erased one kept erased', async () => {
    const [a, b, gone] = [randomUUID(), randomUUID(), randomUUID()];
    await store.appendToStream(`household-${gone}`, [enrolled(gone, 'Gao Yan')]);
    await keys.erase(gone, { actor: 'admin-1', legalBasis: 'purpose-achieved' });
    await store.appendToStreams([
      { stream: `household-${a}`, events: [enrolled(a, 'Ma Hua'), withdrawn(a, 'moved to Xi’an')], expectedRevision: 'no_stream' },
      { stream: `household-${b}`, events: [enrolled(b, 'He Jing')], expectedRevision: 'no_stream' },
      { stream: `household-${gone}`, events: [withdrawn(gone, 'left with her son')], expectedRevision: 0n },
    ]);
    const stored = [await rawRows(a), await rawRows(b), await rawRows(gone)].join('\n');
    for (const secret of ['Ma Hua', 'Xi’an', 'He Jing', 'her son']) expect(stored).not.toContain(secret);
    const [enrolment, withdrawal] = await store.readStream(`household-${a}`);
    expect(enrolment.data.head).toEqual({ name: 'Ma Hua', idNumber: '640104199001011234' });
    expect(withdrawal.data.reason).toBe('moved to Xi’an');
    expect((await store.readStream(`household-${b}`))[0].data.head).toMatchObject({ name: 'He Jing' });
    expect((await store.readStream(`household-${gone}`))[1].data.reason).toBe(ERASED);
    const { rows } = await pool.query(`SELECT key_id, status FROM personal_data.data_keys WHERE key_id = ANY($1::text[]) ORDER BY status`, [
      [a, b, gone],
    ]);
    expect(rows.map((r) => r.status)).toEqual(['active', 'active', 'erased']);
    expect(verifyChain(await raw.readStream(`household-${a}`))).toBeUndefined();
  });
});
