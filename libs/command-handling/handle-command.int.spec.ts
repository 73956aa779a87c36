import { randomUUID } from 'node:crypto';
import { householdDecider, householdStream, HouseholdCommand } from '../domain/household';
import { enrol, meta, recategorize, recordNeed } from '../domain/household/testing/fixtures';
import { WrongExpectedRevisionError } from '../event-store/errors';
import { EventStore } from '../event-store/event-store.port';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { openTestStore } from '../testing/store-database';
import { handleCommand, StaleRevisionError } from './handle-command';

describe('the load-decide-append against PostgreSQL', () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ store, close } = await openTestStore()));
  afterAll(() => close());

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
    expect(event.metadata).toEqual({ ...rest, causationId: commandId, recordedAt: expect.any(String), hashVersion: 2 });
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

  it('answers a retried command with the state it left, not with what other commands appended since', async () => {
    const { stream, withId } = fresh();
    await handleCommand(store, stream, householdDecider, withId(enrol({ category: 'developing' })));
    const command = withId(recordNeed({ needId: randomUUID() }));
    const first = await handleCommand(store, stream, householdDecider, command);
    await handleCommand(store, stream, householdDecider, withId(recategorize({ to: 'stable' })));
    const retry = await handleCommand(store, stream, householdDecider, command);
    expect(retry).toEqual(first);
    expect(retry.state).toMatchObject({ category: 'developing' });
  });

  it('refuses a stale expected revision before deciding', async () => {
    const { stream, withId } = fresh();
    await handleCommand(store, stream, householdDecider, withId(enrol()));
    await expect(handleCommand(store, stream, householdDecider, withId(recategorize()), { ifMatch: 3n })).rejects.toBeInstanceOf(
      StaleRevisionError,
    );
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('decides a command on the state the last command left, reading nothing, and appends at its revision', async () => {
    const { stream, withId } = fresh();
    const counted = countingReads(store);
    await handleCommand(counted, stream, householdDecider, withId(enrol({ category: 'developing' })), { startsStream: true });
    const outcome = await handleCommand(counted, stream, householdDecider, withId(recategorize({ to: 'stable' })));
    expect({ reads: counted.reads, revision: outcome.revision }).toEqual({ reads: 0, revision: 1n });
    expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['HouseholdEnrolled', 'HouseholdRecategorized']);
  });

  it('decides a command its decider says opens a stream on the initial state, reading nothing, unless told otherwise', async () => {
    const [opened, told] = [fresh(), fresh()];
    const counted = countingReads(Object.create(store) as EventStore); // a process that kept nothing
    const outcome = await handleCommand(counted, opened.stream, householdDecider, opened.withId(enrol()));
    expect({ reads: counted.reads, revision: outcome.revision }).toEqual({ reads: 0, revision: 0n });
    await handleCommand(counted, told.stream, householdDecider, told.withId(enrol()), { startsStream: false });
    expect(counted.reads).toBe(1);
    expect((await store.readStream(opened.stream)).map((e) => e.type)).toEqual(['HouseholdEnrolled']);
  });

  it('reads and refuses when a stream a command presumed new exists, appending nothing', async () => {
    const { stream, withId } = fresh();
    await handleCommand(store, stream, householdDecider, withId(enrol()));
    const other = countingReads(Object.create(store) as EventStore); // another process: nothing kept
    await expect(handleCommand(other, stream, householdDecider, withId(enrol()), { startsStream: true })).rejects.toMatchObject({
      code: 'household-already-enrolled',
    });
    expect(other.reads).toBeGreaterThan(0);
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('answers a retried enrolment from its stored events when the process that appended them kept nothing', async () => {
    const { stream, withId } = fresh();
    const command = withId(enrol());
    const first = await handleCommand(store, stream, householdDecider, command, { startsStream: true });
    const restarted = Object.create(store) as EventStore;
    // Retried with a field that differs (as a clock-stamped one would): the answer is what was stored.
    const retried = { ...command, data: { ...command.data, members: command.data.members + 1 } };
    const retry = await handleCommand(restarted, stream, householdDecider, retried, { startsStream: true });
    expect(retry).toEqual(first);
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('refuses an If-Match naming the revision a kept state presumes once another writer moved the stream', async () => {
    const { stream, withId } = fresh();
    await handleCommand(store, stream, householdDecider, withId(enrol({ category: 'developing' })));
    const elsewhere = Object.create(store) as EventStore; // another process's write: this one's kept state is now stale
    await handleCommand(elsewhere, stream, householdDecider, withId(recordNeed({ needId: randomUUID() })));
    await expect(
      handleCommand(store, stream, householdDecider, withId(recategorize({ to: 'stable' })), { ifMatch: 0n }),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('lets only one of two writers that read the same revision append: the other fails, no write is lost', async () => {
    const { stream, withId } = fresh();
    await handleCommand(store, stream, householdDecider, withId(enrol()));
    const barrier = readBarrier(store, 2);
    const needs = [randomUUID(), randomUUID()].map((needId) => withId(recordNeed({ needId })));
    const outcomes = await Promise.allSettled(needs.map((command) => handleCommand(barrier, stream, householdDecider, command)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['HouseholdEnrolled', 'NeedRecorded']);
  });
});

/**
 * The real store, except that each stream read waits until `readers` reads have returned: every writer then
 * decides on the same revision, the interleaving a lost write needs, without relying on timing.
 */
function readBarrier(store: EventStore, readers: number): EventStore {
  let open: () => void;
  const allRead = new Promise<void>((resolve) => (open = resolve));
  let read = 0;
  return Object.assign(Object.create(store) as EventStore, {
    async readStream(...args: Parameters<EventStore['readStream']>) {
      const events = await store.readStream(...args);
      if (++read === readers) open();
      await allRead;
      return events;
    },
  });
}

/** The real store, counting stream reads. */
function countingReads(store: EventStore): EventStore & { reads: number } {
  const counted = Object.assign(Object.create(store) as EventStore, {
    reads: 0,
    readStream(...args: Parameters<EventStore['readStream']>) {
      counted.reads++;
      return store.readStream(...args);
    },
  });
  return counted;
}
