/**
 * The relay against a real PostgreSQL and a nats-server of its own (never the machine's NATS on 4222),
 * which the test stops and restarts while events are appended.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { libSchema, openDatabase } from '../database/data-source';
import { freePort } from '../database/free-port';
import { formatPosition } from '../event-store/position';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { eventually as waitUntil } from '../testing/eventually';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { DEFAULT_STREAM, NatsRelay } from './nats-relay';
import { POSITION_HEADER } from './relay-stream';
import { describeIfNats, natsBinary, relayEvent } from './testing/relay-fixtures';
import { loadRelayCheckpoint } from './checkpoint';
import { NatsServerProcess } from './nats-server';

const describeWithNats = describeIfNats('NATS relay tests');

const event = relayEvent;
/** A relay's round trip through a restarted nats-server can take seconds on a loaded machine. */
const eventually = <T>(check: () => Promise<T>) => waitUntil(check, 30_000);

describeWithNats('the NATS JetStream relay', () => {
  let database: TestDatabase;
  let db: DataSource;
  let store: PostgresEventStore;
  let nats: NatsServerProcess;
  let storeDir: string;
  let reader: NatsConnection | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openDatabase(database.url, libSchema);
    store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 100 });
    storeDir = mkdtempSync(join(tmpdir(), 'family-ledger-nats-'));
    nats = new NatsServerProcess(natsBinary!, await freePort(), storeDir);
    await nats.start();
  });
  afterAll(async () => {
    await reader?.close();
    await nats.stop();
    rmSync(storeDir, { recursive: true, force: true });
    await store.close();
    await db.destroy();
    await database.drop();
  });

  /** Every message the JetStream stream holds, in stream order. */
  async function streamContents(): Promise<
    { subject: string; id: string; position: string; traceparent: string; body: Record<string, unknown> }[]
  > {
    reader ??= await connect({ servers: nats.url });
    const jsm = await reader.jetstreamManager();
    const info = await jsm.streams.info(DEFAULT_STREAM);
    const messages = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq += 1) {
      const message = await jsm.streams.getMessage(DEFAULT_STREAM, { seq });
      messages.push({
        subject: message.subject,
        id: message.header.get('Nats-Msg-Id'),
        position: message.header.get(POSITION_HEADER),
        traceparent: message.header.get('traceparent'),
        body: message.json<Record<string, unknown>>(),
      });
    }
    return messages;
  }

  it('publishes every event once, in log order, across a NATS restart while events are appended', async () => {
    const relay = new NatsRelay(store, db, { servers: nats.url, publishTimeoutMs: 500, maxRetryMs: 200 });
    relay.start();
    let writing = true;
    let lastAppend = '';
    const writer = (async () => {
      for (let batch = 0; writing || batch < 60; batch += 1) {
        const household = `household-${randomUUID()}`;
        await store.appendToStream(household, [
          event('HouseholdEnrolled', { householdId: household, head: { name: 'Ma Lan' }, members: 3 }),
        ]);
        const { position } = await store.appendToStream(`loan-${randomUUID()}`, [
          event('LoanGranted', { principalFen: 500000 }),
          event('LoanRepaid', { principalFen: 500000 }),
        ]);
        lastAppend = formatPosition(position);
        await sleep(5);
      }
    })();

    await eventually(async () => expect(relay.counts.published).toBeGreaterThan(20));
    await nats.stop(); // the outage: appends go on, publishes fail and are retried
    await sleep(1000);
    await nats.start();
    const publishedBeforeRecovery = relay.counts.published;
    await eventually(async () => expect(relay.counts.published).toBeGreaterThan(publishedBeforeRecovery + 20));
    writing = false;
    await writer;

    const log = await wholeLogUpTo(lastAppend);
    const head = formatPosition(log[log.length - 1].position);
    await eventually(async () => expect(formatPosition((await loadRelayCheckpoint(db, 'nats'))!)).toBe(head));
    await relay.stop();

    const contents = await streamContents();
    expect(contents.map((m) => m.id)).toEqual(log.map((e) => e.id));
    expect(contents.map((m) => m.position)).toEqual(log.map((e) => formatPosition(e.position)));
    // The fixtures' households name no village and their loans no household: no district, so `city`.
    expect(contents.map((m) => m.subject)).toEqual(log.map((e) => `family-ledger.${e.stream.split('-')[0]}.${e.type}.city`));
    expect(relay.counts.retries).toBeGreaterThan(0);
    expect(JSON.stringify(contents)).not.toContain('Ma Lan');
    expect(contents[0].body).toMatchObject({ id: log[0].id, stream: log[0].stream, revision: '0', type: log[0].type });
  });

  it("passes an event's traceparent on in the message headers, so subscribers continue the command's trace", async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const traced = { ...event('LoanGranted'), metadata: { ...event('LoanGranted').metadata, traceparent } };
    const untraced = event('LoanGranted');
    await store.appendToStream(`loan-${randomUUID()}`, [traced, untraced]);
    const relay = new NatsRelay(store, db, { servers: nats.url, publishTimeoutMs: 500, maxRetryMs: 200 });
    relay.start();
    const contents = await eventually(async () => {
      const found = (await streamContents()).filter((m) => m.id === traced.id || m.id === untraced.id);
      expect(found).toHaveLength(2);
      return found;
    });
    await relay.stop();
    // No tracer provider is registered here, so the publish span is the event's own context, passed on as is.
    expect(contents.map((m) => m.traceparent)).toEqual([traceparent, '']);
  });

  it("publishes each event under its stream's district, so a district's system subscribes to its own subjects", async () => {
    const householdId = randomUUID();
    const enrolled = event('HouseholdEnrolled', { householdId, villageCode: '640105001001', head: { name: 'Ma Lan' }, members: 3 });
    const loan = event('LoanGranted', { householdId, principalFen: 500000 });
    const activity = event('GroupActivityHeld', { orgUnitCode: '640104001', kind: 'lecture' });
    await store.appendToStream(`household-${householdId}`, [enrolled]);
    await store.appendToStream(`loan-${randomUUID()}`, [loan]);
    await store.appendToStream(`activity-${randomUUID()}`, [activity]);
    const relay = new NatsRelay(store, db, { servers: nats.url, publishTimeoutMs: 500, maxRetryMs: 200 });
    relay.start();
    const ids = [enrolled.id, loan.id, activity.id];
    const contents = await eventually(async () => {
      const found = (await streamContents()).filter((m) => ids.includes(m.id));
      expect(found).toHaveLength(3);
      return found;
    });
    await relay.stop();
    expect(contents.map((m) => m.subject)).toEqual([
      'family-ledger.household.HouseholdEnrolled.640105',
      'family-ledger.loan.LoanGranted.640105',
      'family-ledger.activity.GroupActivityHeld.640104',
    ]);
  });

  /**
   * The log once the append at `last` is visible: the store's notification of an earlier append, in a
   * transaction of its own, may hold the visibility limit below the latest appends for a moment (it errs low).
   */
  async function wholeLogUpTo(last: string) {
    for (;;) {
      const log = await store.readAll();
      if (log.length > 0 && formatPosition(log[log.length - 1].position) === last) return log;
      await sleep(5);
    }
  }

  it('resumes after a restart of the relay from where the stream ends, adding only the new events', async () => {
    const before = (await streamContents()).length;
    const { position } = await store.appendToStream(`loan-${randomUUID()}`, [event('LoanGranted'), event('LoanRepaid')]);
    const relay = new NatsRelay(store, db, { servers: nats.url });
    relay.start();
    const log = await wholeLogUpTo(formatPosition(position));
    await eventually(async () =>
      expect(formatPosition((await loadRelayCheckpoint(db, 'nats'))!)).toBe(formatPosition(log[log.length - 1].position)),
    );
    await relay.stop();
    const contents = await streamContents();
    expect(contents).toHaveLength(before + 2);
    expect(contents.map((m) => m.id)).toEqual(log.map((e) => e.id));
    expect(relay.counts).toMatchObject({ published: 2, duplicates: 0 });
  });

  it('resumes after the last message the stream holds even when its checkpoint was lost, re-sending nothing', async () => {
    const before = (await streamContents()).length;
    await db.query(`DELETE FROM relay.checkpoints WHERE relay = 'nats'`); // as if the save after an ack had failed, many times over
    await store.appendToStream(`household-${randomUUID()}`, [event('HouseholdWithdrawn', { reason: 'moved away' })]);
    const relay = new NatsRelay(store, db, { servers: nats.url });
    relay.start();
    const log = await store.readAll();
    await eventually(async () =>
      expect(formatPosition((await loadRelayCheckpoint(db, 'nats'))!)).toBe(formatPosition(log[log.length - 1].position)),
    );
    await relay.stop();
    expect(relay.counts).toMatchObject({ published: 1, duplicates: 0 });
    const contents = await streamContents();
    expect(contents.map((m) => m.id)).toEqual(log.map((e) => e.id));
    expect(contents).toHaveLength(before + 1);
    expect(contents[contents.length - 1].body.data).toEqual({});
  });

  it('gives its lock back when it stops, so a standby relay of the same name can take over', async () => {
    const relay = new NatsRelay(store, db, { servers: nats.url });
    relay.start();
    await eventually(async () => expect(relay.status).toBe('relaying'));
    await relay.stop();
    // The lock's connection stays open in the pool: only an explicit unlock lets another session take it.
    const [{ held }] = await db.query(
      `SELECT count(*)::int AS held FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(held).toBe(0);
  });

  // The two tests below empty and delete the shared stream: they come last.

  it("resumes from its checkpoint when the stream's last message is gone (purged), and publishes again", async () => {
    reader ??= await connect({ servers: nats.url });
    await (await reader.jetstreamManager()).streams.purge(DEFAULT_STREAM); // JetStream keeps last_seq, not the message
    const relay = new NatsRelay(store, db, { servers: nats.url, publishTimeoutMs: 500, maxRetryMs: 200 });
    relay.start();
    const appended = [event('LoanGranted'), event('LoanRepaid')];
    await store.appendToStream(`loan-${randomUUID()}`, appended);
    await eventually(async () => expect((await streamContents()).map((m) => m.id)).toEqual(appended.map((e) => e.id)));
    await relay.stop();
    expect(relay.counts).toMatchObject({ published: 2, duplicates: 0 });
  });

  it('recreates the stream when it is deleted while the relay runs', async () => {
    const relay = new NatsRelay(store, db, { servers: nats.url, publishTimeoutMs: 500, maxRetryMs: 200 });
    relay.start();
    await eventually(async () => expect(relay.status).toBe('relaying'));
    reader ??= await connect({ servers: nats.url });
    await (await reader.jetstreamManager()).streams.delete(DEFAULT_STREAM);
    const appended = event('LoanGranted');
    await store.appendToStream(`loan-${randomUUID()}`, [appended]);
    await eventually(async () => expect((await streamContents()).map((m) => m.id)).toEqual([appended.id]));
    await relay.stop();
  });
});

describe('the NATS relay while NATS is unreachable', () => {
  let database: TestDatabase;
  let db: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openDatabase(database.url, libSchema);
    store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 100 });
  });
  afterAll(async () => {
    await store.close();
    await db.destroy();
    await database.drop();
  });

  it('stops promptly while it is still trying to connect', async () => {
    const port = await freePort(); // nothing listens there
    const errors: unknown[] = [];
    const relay = new NatsRelay(store, db, { servers: `nats://127.0.0.1:${port}`, onError: (error) => errors.push(error) });
    relay.start();
    await eventually(async () => expect(relay.status).toBe('connecting'));
    await sleep(1000); // a few connection attempts
    await relay.stop();
    expect(relay.status).toBe('stopped');
    expect(errors.length).toBeGreaterThan(0); // each failed attempt reported, none left pending
  }, 5000);
});
