/**
 * The command path's folded states (./folded-states.ts) against the real stores: a state reused between
 * commands still sees every event appended meanwhile, and never outlives the erasure of the key that
 * decrypted it (this process forgets it at once, as the runtime wires it in libs/runtime/security.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { Command, DomainEvent } from '../domain/shared/decider';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { DataKeyStore } from '../personal-data/data-keys';
import { ERASED } from '../personal-data/field-crypto';
import { ProtectedEventStore } from '../personal-data/protected-event-store';
import { poolDatabase } from '../personal-data/testing/pool-database';
import { WrappingKeyFiles } from '../personal-data/wrapping-keys';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { householdDecider, HouseholdCommand } from '../domain/household';
import * as h from '../domain/household/testing/fixtures';
import { cachedState, forgetFoldedStates } from './folded-states';
import { handleCommand } from './handle-command';

type Head = { name: string };
type Enrolled = DomainEvent<'HouseholdEnrolled', { householdId: string; head: Head }>;
type Cmd = Command<'Enrol', { head: Head }> | Command<'Peek', Record<string, never>>;

/** A decider whose state is the personal data it was told: what a cache must not keep past an erasure. */
const headsDecider = (householdId: string) => ({
  initialState: { heads: [] as unknown[] },
  decide: (command: Cmd): Enrolled[] =>
    command.type === 'Enrol' ? [{ type: 'HouseholdEnrolled', data: { householdId, head: command.data.head } }] : [],
  evolve: (state: { heads: unknown[] }, event: Enrolled) => ({ heads: [...state.heads, event.data.head] }),
});

describe('folded states kept between commands', () => {
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
    keys.onForget(forgetFoldedStates);
    store = new ProtectedEventStore(raw, keys);
  });
  afterAll(async () => {
    await raw.close();
    await pool.end();
    await database.drop();
  });

  const command = <C extends Cmd>(type: C['type'], data: C['data']) =>
    ({
      type,
      data,
      metadata: { commandId: randomUUID(), actor: 'worker-1', correlationId: randomUUID(), occurredAt: '2013-04-02T03:00:00.000Z' },
    }) as Cmd;

  it('sees what another writer appended since the state was kept, and appends at the real revision', async () => {
    const householdId = randomUUID();
    const decider = headsDecider(householdId);
    const stream = `household-${householdId}`;
    await handleCommand(store, stream, decider, command('Enrol', { head: { name: 'Ma Lan' } }));
    // Another process's command: not through this cache.
    await raw.appendToStream(stream, [
      {
        id: randomUUID(),
        type: 'Noted',
        data: {},
        metadata: { actor: 'x', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2013-04-02T03:00:00.000Z' },
      },
    ]);
    const outcome = await handleCommand(store, stream, decider, command('Enrol', { head: { name: 'Ma Hua' } }));
    expect(outcome.revision).toBe(2n);
    expect(outcome.state.heads).toEqual([{ name: 'Ma Lan' }, undefined, { name: 'Ma Hua' }]);
  });

  it('folds a household with its personal fields sealed: no key looked up, none kept in the clear', async () => {
    const householdId = randomUUID();
    const stream = `household-${householdId}`;
    const withId = <C extends HouseholdCommand>(c: C): C =>
      ({ ...c, data: { ...c.data, householdId }, metadata: { ...h.meta, commandId: randomUUID() } }) as C;
    await handleCommand(store, stream, householdDecider, withId(h.enrol({ head: { name: 'Ma Lan' } })), { startsStream: true });
    const lookUps = jest.spyOn(keys, 'states');
    const restarted = Object.create(store) as ProtectedEventStore; // nothing kept: the stream is read
    await handleCommand(restarted, stream, householdDecider, withId(h.withdraw({ reason: 'Ma Lan moved to Beijing' })));
    expect(lookUps).not.toHaveBeenCalled();
    lookUps.mockRestore();
    const kept = JSON.stringify(cachedState(restarted, householdDecider, stream)?.state);
    expect(kept).toContain('Withdrawn');
    expect(kept).not.toContain('Ma Lan');
    const [enrolled] = await store.readStream(stream);
    expect(enrolled.data.head).toEqual({ name: 'Ma Lan' }); // reads for display still decrypt
  });

  it('forgets a decrypted state the moment its key is erased', async () => {
    const householdId = randomUUID();
    const decider = headsDecider(householdId);
    const stream = `household-${householdId}`;
    await handleCommand(store, stream, decider, command('Enrol', { head: { name: 'Ma Lan' } }));
    expect((await handleCommand(store, stream, decider, command('Peek', {}))).state.heads).toEqual([{ name: 'Ma Lan' }]);
    await keys.erase(householdId, { actor: 'dpo', legalBasis: 'consent-withdrawn' });
    const after = await handleCommand(store, stream, decider, command('Peek', {}));
    expect(after.state.heads).toEqual([{ name: ERASED }]);
  });
});
