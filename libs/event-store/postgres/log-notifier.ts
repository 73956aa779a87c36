/**
 * Wakes live subscriptions when the log grows. Appends made by this process wake local subscribers at
 * once; a coalesced NOTIFY, sent after the commit and outside the append's transaction, wakes other
 * processes. (A NOTIFY inside the append would hold PostgreSQL's notification lock across every commit
 * and serialise all appenders.) Subscribers also poll as a fallback, so a lost notification only delays.
 */
import { Client, ClientConfig, Pool } from 'pg';

export const NOTIFY_CHANNEL = 'family_ledger_log_appended';

const NOTIFY_WITHOUT_FLUSH = `BEGIN; SET LOCAL synchronous_commit TO off; NOTIFY ${NOTIFY_CHANNEL}; COMMIT;`;

/** The longest another process's subscriber waits for news of an append (this process's wake at once). */
export const NOTIFY_INTERVAL_MS = 3;

type Waker = () => void;

export class LogNotifier {
  private readonly wakers = new Set<Waker>();
  private listener?: Client;
  private listening?: Promise<void>;
  private notifyInFlight = false;
  private notifyPending = false;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly listenConfig: ClientConfig,
  ) {}

  /** Registers a waker; returns the function that removes it. Starts listening on first use. */
  onAppend(waker: Waker): () => void {
    this.wakers.add(waker);
    void this.ensureListening();
    return () => this.wakers.delete(waker);
  }

  /** Called after this process committed an append. */
  appended(): void {
    this.wakeAll();
    if (this.notifyInFlight) {
      this.notifyPending = true;
      return;
    }
    void this.sendNotify();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    this.wakers.clear();
    await this.listener?.end().catch(() => undefined);
  }

  private wakeAll(): void {
    for (const wake of this.wakers) wake();
  }

  /**
   * Sends at most one NOTIFY per `NOTIFY_INTERVAL_MS`: the first append of a quiet spell is announced at
   * once, a busy spell once per interval (each NOTIFY is a transaction of its own, and at hundreds of appends
   * a second they would double the database's work). Other processes wait at most that long.
   */
  private async sendNotify(): Promise<void> {
    this.notifyInFlight = true;
    try {
      do {
        this.notifyPending = false;
        const sent = Date.now();
        // One round trip, and no wait for a WAL flush: a lost notification only delays a subscriber's poll.
        await this.pool.query(NOTIFY_WITHOUT_FLUSH).catch(() => undefined);
        const wait = NOTIFY_INTERVAL_MS - (Date.now() - sent);
        if (this.notifyPending && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      } while (this.notifyPending && !this.closed);
    } finally {
      this.notifyInFlight = false;
    }
  }

  private ensureListening(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.listening ??= this.listen();
    return this.listening;
  }

  private async listen(): Promise<void> {
    const client = new Client(this.listenConfig);
    client.on('notification', () => this.wakeAll());
    client.on('error', () => this.reconnectLater(client));
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
      this.listener = client;
      // Whatever was appended while we were not listening is found by the wake-up read.
      this.wakeAll();
    } catch {
      this.reconnectLater(client);
    }
  }

  private reconnectLater(client: Client): void {
    if (this.closed || (this.listener && this.listener !== client)) return;
    this.listener = undefined;
    this.listening = undefined;
    void client.end().catch(() => undefined);
    setTimeout(() => void this.ensureListening(), 500).unref();
  }
}
