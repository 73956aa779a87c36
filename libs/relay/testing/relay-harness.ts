/**
 * What the relay's promise specs run against: a PostgreSQL database and a nats-server of their own for each
 * test (never port 4222), relays started on them and stopped after, and readers of what JetStream holds.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { libSchema, openDatabase } from '../../database/data-source';
import { freePort } from '../../database/free-port';
import { RecordedEvent } from '../../event-store/event-store.port';
import { formatPosition } from '../../event-store/position';
import { PostgresEventStore } from '../../event-store/postgres/postgres-event-store';
import { eventually as waitUntil } from '../../testing/eventually';
import { createTestDatabase, TestDatabase } from '../../testing/test-database';
import { loadRelayCheckpoint } from '../checkpoint';
import { DEFAULT_STREAM, NatsRelay } from '../nats-relay';
import { NatsServerProcess } from '../nats-server';
import { POSITION_HEADER } from '../relay-stream';
import { natsBinary, relayEvent } from './relay-fixtures';

/** A relay's round trip through a restarted nats-server can take seconds on a loaded machine. */
export const eventually = <T>(check: () => Promise<T>) => waitUntil(check, 15_000);

export interface RelayedMessage {
  seq: number;
  subject: string;
  id: string;
  position: string;
  raw: string;
  body: { id: string; stream: string; revision: string; position: string; type: string; data: Record<string, unknown> };
}

export class RelayHarness {
  database!: TestDatabase;
  db!: DataSource;
  store!: PostgresEventStore;
  nats!: NatsServerProcess;
  private storeDir!: string;
  private reader: NatsConnection | undefined;
  private readonly relays: NatsRelay[] = [];

  async setUp(): Promise<void> {
    this.database = await createTestDatabase();
    this.db = await openDatabase(this.database.url, libSchema);
    this.store = new PostgresEventStore({ connectionString: this.database.url, pollIntervalMs: 100, poolSize: 12 });
    this.storeDir = mkdtempSync(join(tmpdir(), 'family-ledger-nats-'));
    this.nats = new NatsServerProcess(natsBinary!, await freePort(), this.storeDir);
    await this.nats.start();
  }

  async tearDown(): Promise<void> {
    await Promise.all(this.relays.splice(0).map((relay) => relay.stop()));
    await this.forgetReader();
    await this.nats.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
    await this.store.close();
    await this.db.destroy();
    await this.database.drop();
  }

  relay(name: string, source: DataSource = this.db): NatsRelay {
    const options = { servers: this.nats.url, relayName: name, publishTimeoutMs: 500, maxRetryMs: 100 };
    const started = new NatsRelay(this.store, source, options);
    this.relays.push(started);
    started.start();
    return started;
  }

  /** The reader's connection is to a server that has since restarted: the next read connects again. */
  async forgetReader(): Promise<void> {
    await this.reader?.close();
    this.reader = undefined;
  }

  /** Every message the JetStream stream holds, in stream order, with its raw bytes (headers and body). */
  async streamContents(): Promise<RelayedMessage[]> {
    this.reader ??= await connect({ servers: this.nats.url });
    const jsm = await this.reader.jetstreamManager();
    const info = await jsm.streams.info(DEFAULT_STREAM);
    const messages: RelayedMessage[] = [];
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
  logOf(count: number): Promise<RecordedEvent[]> {
    return eventually(async () => {
      const log = await this.store.readAll();
      expect(log).toHaveLength(count);
      return log;
    });
  }

  /** The stream holds the log exactly: each event once, in log order, with its position. */
  async expectStreamToHoldTheLog(log: RecordedEvent[]): Promise<RelayedMessage[]> {
    const contents = await eventually(async () => {
      const found = await this.streamContents();
      expect(found.map((m) => m.id)).toEqual(log.map((e) => e.id));
      return found;
    });
    expect(contents.map((m) => m.position)).toEqual(log.map((e) => formatPosition(e.position)));
    return contents;
  }

  async appendLoans(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1)
      await this.store.appendToStream(`loan-${randomUUID()}`, [relayEvent('LoanGranted', { principalFen: 1000 + i })]);
  }

  async checkpointOf(name: string): Promise<string | undefined> {
    const checkpoint = await loadRelayCheckpoint(this.db, name);
    return checkpoint && formatPosition(checkpoint);
  }
}

/** A harness set up before each test of the enclosing `describe` and torn down after it. */
export function useRelayHarness(): RelayHarness {
  const harness = new RelayHarness();
  beforeEach(() => harness.setUp());
  afterEach(() => harness.tearDown());
  return harness;
}
