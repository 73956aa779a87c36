import { randomUUID } from 'node:crypto';
import { householdDecider, householdStream, HouseholdCommand } from '../domain/household';
import { enrol, meta, recategorize } from '../domain/household/testing/fixtures';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { handleCommand, StaleRevisionError } from './handle-command';

describe('the load-decide-append against PostgreSQL', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = new PostgresEventStore({ connectionString: database.url });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  const fresh = () => {
    const householdId = randomUUID();
    const withId = <C extends HouseholdCommand>(command: C): C =>
      ({ ...command, data: { ...command.data, householdId }, metadata: { ...meta, commandId: randomUUID() } }) as C;
    return { stream: householdStream(householdId), withId };
  };

  it('appends the decided events with the metadata of the command and answers with the new revision', async () => {
    const { stream, withId } = fresh();
    const command = withId(enrol());
    const outcome = await handleCommand(store, stream, householdDecider, command);
    expect(outcome).toMatchObject({ revision: 0n, events: [{ type: 'HouseholdEnrolled' }], position: expect.stringMatching(/^\d+$/) });
    const [event] = await store.readStream(stream);
    const { commandId, ...rest } = command.metadata;
    expect(event.metadata).toEqual({ ...rest, causationId: commandId, recordedAt: expect.any(String) });
  });

  it('answers a command already in the stream from its events, without deciding or appending again', async () => {
    const { stream, withId } = fresh();
    await handleCommand(store, stream, householdDecider, withId(enrol()));
    const command = withId(recategorize({ to: 'stable' }));
    const first = await handleCommand(store, stream, householdDecider, command);
    // Decided again, this command would be refused: the household is already in "stable".
    const retry = await handleCommand(store, stream, householdDecider, command, { ifMatch: 0n });
    expect(retry).toMatchObject({ revision: first.revision, position: first.position, events: first.events });
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('refuses a stale expected revision before deciding', async () => {
    const { stream, withId } = fresh();
    await handleCommand(store, stream, householdDecider, withId(enrol()));
    await expect(handleCommand(store, stream, householdDecider, withId(recategorize()), { ifMatch: 3n })).rejects.toBeInstanceOf(StaleRevisionError);
    expect(await store.readStream(stream)).toHaveLength(1);
  });
});
