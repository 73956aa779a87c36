/**
 * An adversarial review of what the relay promises downstream services (README.md): every event once, in log
 * order, across crashes between publish and checkpoint, a lost lock, two relays of one name, racing writers
 * and transactions that commit out of position order; resumption from the checkpoint; no personal field in
 * the bytes on the wire. Each test has a PostgreSQL database and a nats-server of its own (never port 4222).
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
import { RecordedEvent } from '../event-store/event-store.port';
import { formatPosition } from '../event-store/position';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { eventually as waitUntil } from '../testing/eventually';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { loadRelayCheckpoint } from './checkpoint';
import { DEFAULT_STREAM, NatsRelay } from './nats-relay';
import { NatsServerProcess } from './nats-server';
import { POSITION_HEADER } from './relay-stream';
import { describeIfNats, natsBinary, relayEvent } from './testing/relay-fixtures';

const describeWithNats = describeIfNats('NATS relay promise tests');

const event = relayEvent;
/** A relay's round trip through a restarted nats-server can take seconds on a loaded machine. */
const eventually = <T>(check: () => Promise<T>) => waitUntil(check, 15_000);

interface Message {
  seq: number;
  subject: string;
  id: string;
  position: string;
  raw: string;
  body: { id: string; stream: string; revision: string; position: string; type: string; data: Record<string, unknown> };
}

/**
 * The database, and the sessions taken from it, with checkpoint saves that hang from the `after`-th on: the
 * relay has published an event and not yet saved its position. `release` lets them fail (the process died)
 * or go on (a relay frozen for a while, as by a long pause, wakes up).
 */
function freezingCheckpoints(db: DataSource, after: number) {
  let saves = 0;
  let release!: (outcome: 'resume' | 'crash') => void;
  const released = new Promise<'resume' | 'crash'>((resolve) => (release = resolve));
  const freezing = <T extends object>(target: T & { query(sql: string, parameters?: unknown[]): Promise<unknown> }): T =>
    new Proxy(target, {
      get(object, key) {
        if (key === 'createQueryRunner') return () => freezing(db.createQueryRunner());
        if (key !== 'query') return Reflect.get(object, key, object) as unknown;
        return async (sql: string, parameters?: unknown[]) => {
          if (sql.includes('INSERT INTO relay.checkpoints') && ++saves >= after) {
            if ((await released) === 'crash') throw new Error('the relay process died');
          }
          return object.query(sql, parameters);
        };
      },
    });
  return { db: freezing(db), release: (outcome: 'resume' | 'crash') => release(outcome), saves: () => saves };
}

describeWithNats('what the NATS relay promises downstream services', () => {
  let database: TestDatabase;
  let db: DataSource;
  let store: PostgresEventStore;
  let nats: NatsServerProcess;
  let storeDir: string;
  let reader: NatsConnection | undefined;
  const relays: NatsRelay[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    db = await openDatabase(database.url, libSchema);
    store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 100, poolSize: 12 });
    storeDir = mkdtempSync(join(tmpdir(), 'family-ledger-nats-'));
    nats = new NatsServerProcess(natsBinary!, await freePort(), storeDir);
    await nats.start();
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await reader?.close();
    reader = undefined;
    await nats.stop();
    rmSync(storeDir, { recursive: true, force: true });
    await store.close();
    await db.destroy();
    await database.drop();
  });

  function relay(name: string, source: DataSource = db): NatsRelay {
    const started = new NatsRelay(store, source, { servers: nats.url, relayName: name, publishTimeoutMs: 500, maxRetryMs: 100 });
    relays.push(started);
    started.start();
    return started;
  }

  /** Every message the JetStream stream holds, in stream order, with its raw bytes (headers and body). */
  async function streamContents(): Promise<Message[]> {
    reader ??= await connect({ servers: nats.url });
    const jsm = await reader.jetstreamManager();
    const info = await jsm.streams.info(DEFAULT_STREAM);
    const messages: Message[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
      const message = await jsm.streams.getMessage(DEFAULT_STREAM, { seq });
      const headerText = [...message.header.keys()].map((key) => `${key}: ${message.header.get(key)}`).join('\n');
      messages.push({
        seq,
        subject: message.subject,
        id: message.header.get('Nats-Msg-Id'),
        position: message.header.get(POSITION_HEADER),
        raw: `${message.subject}\n${headerText}\n${Buffer.from(message.data).toString('utf8')}`,
        body: message.json(),
      });
    }
    return messages;
  }

  /** The whole log, once the store shows `count` events. */
  async function logOf(count: number): Promise<RecordedEvent[]> {
    return eventually(async () => {
      const log = await store.readAll();
      expect(log).toHaveLength(count);
      return log;
    });
  }

  /** The stream holds the log exactly: each event once, in log order, with its position. */
  async function expectStreamToHoldTheLog(log: RecordedEvent[]): Promise<Message[]> {
    const contents = await eventually(async () => {
      const found = await streamContents();
      expect(found.map((m) => m.id)).toEqual(log.map((e) => e.id));
      return found;
    });
    expect(contents.map((m) => m.position)).toEqual(log.map((e) => formatPosition(e.position)));
    return contents;
  }

  async function appendLoans(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1)
      await store.appendToStream(`loan-${randomUUID()}`, [event('LoanGranted', { principalFen: 1000 + i })]);
  }

  async function checkpointOf(name: string): Promise<string | undefined> {
    const checkpoint = await loadRelayCheckpoint(db, name);
    return checkpoint && formatPosition(checkpoint);
  }

  /** Ends the session holding the relay's advisory lock, as the death of its process (or its connection) would. */
  async function endLockSession(): Promise<void> {
    const [{ ended }] = await db.query(
      `SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_locks
       WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(ended).toBe(1);
  }

  it('re-sends nothing and skips nothing when the relay dies between an ack and its checkpoint save', async () => {
    await appendLoans(6);
    const log = await logOf(6);
    const crashing = freezingCheckpoints(db, 3);
    const first = relay('crash', crashing.db);
    await eventually(async () => expect(crashing.saves()).toBe(3)); // the third event is in the stream, its checkpoint not saved
    expect((await streamContents()).map((m) => m.id)).toEqual(log.slice(0, 3).map((e) => e.id));
    expect(await checkpointOf('crash')).toBe(formatPosition(log[1].position));
    await endLockSession(); // the process is gone: its session, and the lock, with it

    const second = relay('crash');
    await expectStreamToHoldTheLog(log);
    await eventually(async () => expect(await checkpointOf('crash')).toBe(formatPosition(log[5].position)));
    expect(second.counts).toMatchObject({ published: 3, duplicates: 0 });

    const stopping = first.stop();
    crashing.release('crash');
    await stopping;
  });

  it('stands a relay that lost its lock down when it wakes up, instead of publishing beside its successor', async () => {
    await appendLoans(4);
    const crashing = freezingCheckpoints(db, 2);
    const stale = relay('woken', crashing.db);
    await eventually(async () => expect(crashing.saves()).toBe(2));
    await endLockSession(); // a dropped connection: the lock is gone, the relay does not know
    const successor = relay('woken');
    await eventually(async () => expect(successor.status).toBe('relaying'));
    crashing.release('resume'); // the stale relay goes on from its second event
    await appendLoans(6);
    const log = await logOf(10);
    const contents = await expectStreamToHoldTheLog(log);
    expect(new Set(contents.map((m) => m.id)).size).toBe(10);
    await eventually(async () => expect(await checkpointOf('woken')).toBe(formatPosition(log[9].position)));
    // Its next checkpoint save, on the ended session, fails: it goes back to waiting for the lock, having sent
    // nothing beyond the event it had in hand (a re-send of an old event outlives JetStream's duplicate window).
    await eventually(async () => expect(stale.status).toBe('standby'));
    expect(stale.counts).toMatchObject({ published: 2, duplicates: 0 });
    expect(successor.counts).toMatchObject({ published: 8, duplicates: 0 });
  });

  it('lets only one of two relays started under one name publish, and the other take over from its checkpoint', async () => {
    await appendLoans(5);
    const a = relay('twin');
    const b = relay('twin');
    await eventually(async () => expect([a.status, b.status].sort()).toEqual(['relaying', 'standby']));
    const [active, standby] = a.status === 'relaying' ? [a, b] : [b, a];
    await expectStreamToHoldTheLog(await logOf(5));
    await active.stop();
    await appendLoans(3);
    const log = await logOf(8);
    await expectStreamToHoldTheLog(log);
    expect(standby.status).toBe('relaying');
    expect(active.counts).toMatchObject({ published: 5, duplicates: 0 });
    expect(standby.counts).toMatchObject({ published: 3, duplicates: 0 });
  });

  it('publishes in log order, each stream in revision order, while writers race and a transaction commits out of position order', async () => {
    const running = relay('race');
    await eventually(async () => expect(running.status).toBe('relaying'));
    // A transaction takes a position, and holds it open while later positions commit.
    const held = await store.pool.connect();
    await held.query('BEGIN');
    const early = event('LoanGranted', { principalFen: 1 });
    await store.appendToStreamIn(held, `loan-${randomUUID()}`, [early]);
    const streams = Array.from({ length: 4 }, () => `household-${randomUUID()}`);
    const writers = Array.from({ length: 6 }, async (_, writer) => {
      for (let n = 0; n < 15; n += 1) {
        await store.appendToStream(streams[(writer + n) % streams.length], [event('NeedRecorded', { writer, n })], {
          expectedRevision: 'any',
        });
      }
    });
    await Promise.all(writers);
    await sleep(300);
    // Nothing after the open transaction's position may go out before it: a consumer would never see it.
    expect((await streamContents()).map((m) => m.id)).toEqual([]);
    await held.query('COMMIT');
    held.release();
    store.appended();
    const log = await logOf(91);
    expect(log[0].id).toBe(early.id);
    const contents = await expectStreamToHoldTheLog(log);
    for (const stream of streams) {
      const revisions = contents.filter((m) => m.body.stream === stream).map((m) => Number(m.body.revision));
      expect(revisions).toEqual(revisions.map((_, i) => i));
    }
  });

  it('resumes after a stop from its checkpoint, neither from the start nor from the end, across a NATS restart', async () => {
    await appendLoans(3);
    const first = relay('resume');
    await expectStreamToHoldTheLog(await logOf(3));
    await first.stop();
    await nats.stop();
    await appendLoans(4); // while nothing relays
    await nats.start();
    await reader?.close();
    reader = undefined;
    const second = relay('resume');
    const log = await logOf(7);
    await expectStreamToHoldTheLog(log);
    await eventually(async () => expect(await checkpointOf('resume')).toBe(formatPosition(log[6].position)));
    expect(second.counts).toMatchObject({ published: 4, duplicates: 0 });
  });

  it('puts no personal field on the wire: no name, id number, phone, health detail or free text about a person', async () => {
    const marker = (what: string) => `MARKER-${what}-${randomUUID().slice(0, 8)}`;
    const markers = {
      name: marker('name'),
      idNumber: marker('id'),
      phone: marker('phone'),
      partnerName: marker('partner'),
      partnerIdNumber: marker('partner-id'),
      finding: marker('finding'),
      advice: marker('advice'),
      need: marker('need'),
      reason: marker('reason'),
    };
    const householdId = randomUUID();
    const screeningId = randomUUID();
    const step = { screeningId, villageCode: '640105001001', on: '2026-03-01' };
    await store.appendToStream(`household-${householdId}`, [
      event('HouseholdEnrolled', {
        householdId,
        villageCode: '640105001001',
        category: 'ordinary',
        members: 4,
        head: { name: markers.name, idNumber: markers.idNumber, phone: markers.phone },
        enrolmentYear: 2026,
        batch: 1,
      }),
      event('NeedRecorded', { householdId, needId: randomUUID(), focusArea: 'health', kind: 'medical', description: markers.need }),
      event('HouseholdWithdrawn', { householdId, reason: markers.reason }),
    ]);
    await store.appendToStream(`screening-${screeningId}`, [
      event('ScreeningSubjectRegistered', {
        ...step,
        subjectKind: 'couple',
        person: {
          name: markers.name,
          idNumber: markers.idNumber,
          partnerName: markers.partnerName,
          partnerIdNumber: markers.partnerIdNumber,
        },
      }),
      event('HighRiskFound', { ...step, finding: markers.finding }),
      event('GeneticCounsellingTaken', { ...step, advice: markers.advice }),
    ]);
    relay('pii');
    const contents = await expectStreamToHoldTheLog(await logOf(6));
    const wire = contents.map((m) => m.raw).join('\n');
    for (const value of Object.values(markers)) expect(wire).not.toContain(value);
    // What downstream counts on stays: where and when a step happened.
    expect(contents[3].body.data).toEqual({ ...step, subjectKind: 'couple' });
    expect(contents[0].body.data).toMatchObject({ householdId, villageCode: '640105001001', members: 4 });
  });
});
