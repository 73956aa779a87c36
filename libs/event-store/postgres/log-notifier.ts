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
  /** The connection of the current attempt to listen, connecting or listening. */
  private client?: Client;
  /** The current attempt to listen; unset while a reconnect waits. */
  private listening?: Promise<void>;
  private reconnect?: NodeJS.Timeout;
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

  /**
   * Stops listening, for good. An attempt still connecting is let finish (pg cannot abort a connect
   * cleanly) and ends its connection itself (see listen); this waits for it, so a closed notifier keeps no
   * connection.
   */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    this.wakeAll();
    this.wakers.clear();
    await this.listening;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
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
    // Bounded: close() waits for a connect under way, and an unreachable host would hold a shutdown for minutes.
    const client = new Client({ connectionTimeoutMillis: 10_000, ...this.listenConfig });
    this.client = client;
    client.on('notification', () => this.wakeAll());
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      if (!this.closed) await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch {
      this.lost(client);
      return;
    }
    if (this.closed) {
      // Closed while connecting: the connection ends here.
      await client.end().catch(() => undefined);
      return;
    }
    // Whatever was appended while we were not listening is found by the wake-up read.
    this.wakeAll();
  }

  /** The connection failed or ended: ends it and, unless the notifier is closed, tries again shortly. */
  private lost(client: Client): void {
    void client.end().catch(() => undefined);
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    this.listening = undefined;
    clearTimeout(this.reconnect);
    this.reconnect = setTimeout(() => void this.ensureListening(), 500).unref();
  }
}
