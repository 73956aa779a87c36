/**
 * A publish JetStream stored but whose ack never came back, retried after the duplicate window has passed (an
 * outage longer than the window: two minutes by default, shortened here). JetStream no longer recognises the
 * message id then, so a blind re-send stores the event twice. Between the relay and its own nats-server sits a
 * proxy that can hold back everything the server says (the acks) while the relay's messages still get through.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, nanos, NatsConnection, StorageType } from 'nats';
import { DataSource } from 'typeorm';
import { libSchema, openDatabase } from '../database/data-source';
import { freePort } from '../database/free-port';
import { formatPosition } from '../event-store/position';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import { eventually } from '../testing/eventually';
import { createTestDatabase, TestDatabase } from '../testing/test-database';
import { loadRelayCheckpoint } from './checkpoint';
import { DEFAULT_STREAM, NatsRelay } from './nats-relay';
import { NatsServerProcess } from './nats-server';
import { POSITION_HEADER } from './relay-stream';
import { SUBJECT_ROOT } from './subjects';
import { describeIfNats, natsBinary, relayEvent } from './testing/relay-fixtures';

const describeWithNats = describeIfNats('NATS relay lost-ack tests');

/** A TCP proxy to the server whose server-to-client direction can be held back (buffered, not dropped). */
class AckHoldingProxy {
  /** Each connection to the server, and the client it answers. */
  private readonly pairs = new Map<Socket, Socket>();
  private holding = false;
  private server?: Server;
  port = 0;

  constructor(private readonly target: number) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = createConnection({ host: '127.0.0.1', port: this.target });
      this.pairs.set(upstream, client);
      client.pipe(upstream);
      if (this.holding) upstream.pause();
      else upstream.pipe(client);
      const end = () => (client.destroy(), upstream.destroy(), this.pairs.delete(upstream));
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    const server = this.server;
    this.port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );
  }

  hold(): void {
    this.holding = true;
    for (const upstream of this.pairs.keys()) {
      upstream.unpipe();
      upstream.pause();
    }
  }

  release(): void {
    this.holding = false;
    for (const [upstream, client] of this.pairs) upstream.pipe(client);
  }

  async stop(): Promise<void> {
    for (const [upstream, client] of this.pairs) {
      upstream.destroy();
      client.destroy();
    }
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const loanGranted = () => relayEvent('LoanGranted', { principalFen: 500000 });

describeWithNats('the NATS relay when an ack is lost for longer than the duplicate window', () => {
  let database: TestDatabase;
  let db: DataSource;
  let store: PostgresEventStore;
  let nats: NatsServerProcess;
  let proxy: AckHoldingProxy;
  let storeDir: string;
  let reader: NatsConnection;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openDatabase(database.url, libSchema);
    store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 100 });
    storeDir = mkdtempSync(join(tmpdir(), 'family-ledger-nats-'));
    nats = new NatsServerProcess(natsBinary!, await freePort(), storeDir);
    await nats.start();
    proxy = new AckHoldingProxy(nats.port);
    await proxy.start();
    reader = await connect({ servers: nats.url });
  });
  afterAll(async () => {
    await reader.close();
    await proxy.stop();
    await nats.stop();
    rmSync(storeDir, { recursive: true, force: true });
    await store.close();
    await db.destroy();
    await database.drop();
  });

  it('does not store an event twice when its ack was lost and the window passed before the retry was answered', async () => {
    const jsm = await reader.jetstreamManager();
    // The operator's stream, as ensureStream makes it, but with a window of 300 ms instead of two minutes.
    await jsm.streams.add({
      name: DEFAULT_STREAM,
      subjects: [`${SUBJECT_ROOT}.>`],
      storage: StorageType.File,
      duplicate_window: nanos(300),
    });
    const relay = new NatsRelay(store, db, { servers: `nats://127.0.0.1:${proxy.port}`, publishTimeoutMs: 200, maxRetryMs: 100 });
    relay.start();
    await store.appendToStream(`loan-${randomUUID()}`, [loanGranted()]);
    await eventually(async () => expect(relay.counts.published).toBe(1));

    proxy.hold(); // from now on the relay hears nothing back; what it sends still arrives
    await store.appendToStream(`loan-${randomUUID()}`, [loanGranted()]);
    await eventually(async () => expect((await jsm.streams.info(DEFAULT_STREAM)).state.messages).toBe(2)); // stored, its ack held
    await sleep(1000); // the relay retries past the window
    proxy.release();

    const log = await store.readAll();
    await eventually(async () => expect(formatPosition((await loadRelayCheckpoint(db, 'nats'))!)).toBe(formatPosition(log[1].position)));
    await relay.stop();
    const info = await jsm.streams.info(DEFAULT_STREAM);
    const stored: string[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq += 1) {
      const message = await jsm.streams.getMessage(DEFAULT_STREAM, { seq });
      stored.push(`${message.header.get('Nats-Msg-Id')} ${message.header.get(POSITION_HEADER)}`);
    }
    expect(stored).toEqual(log.map((e) => `${e.id} ${formatPosition(e.position)}`));
    expect(relay.counts).toMatchObject({ published: 1, duplicates: 1 });
  });
});
