/**
 * Slows down password guessing: failed sign-ins are counted per username and per client address over a
 * window; past the limit, that username (or address) is refused with a wait until the window ends, even
 * with the right password. Kept in memory: one API process answers sign-ins (a restart forgives).
 */
export interface ThrottleSettings {
  /** Failures of one username before it is refused for the rest of the window. */
  perUser: number;
  /** Failures from one client address (any usernames) before it is refused. */
  perClient: number;
  windowSeconds: number;
  /** Every failed answer waits this long: guessing costs time even below the limit. */
  failureDelayMs: number;
}

interface Counter {
  failures: number;
  resetAt: number;
}

const MAX_KEYS = 100_000;

export class SignInThrottle {
  private readonly counters = new Map<string, Counter>();

  constructor(
    readonly settings: ThrottleSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Admits an attempt, counting it as a failure until it succeeds, so that guesses sent in parallel are
   * counted before their (slow) password checks finish; or answers the seconds to wait.
   */
  attempt(username: string, client: string): { admitted: true; failures: number } | { admitted: false; retryAfterSeconds: number } {
    const wait = Math.max(this.wait(`user:${username}`, this.settings.perUser), this.wait(`client:${client}`, this.settings.perClient));
    if (wait > 0) return { admitted: false, retryAfterSeconds: wait };
    this.bump(`client:${client}`);
    return { admitted: true, failures: this.bump(`user:${username}`) };
  }

  /** The attempt was right after all: the username's failures are forgiven, the client's not counted. */
  succeeded(username: string, client: string): void {
    this.counters.delete(`user:${username}`);
    const counter = this.live(`client:${client}`);
    if (counter) counter.failures = Math.max(0, counter.failures - 1);
  }

  private wait(key: string, limit: number): number {
    const counter = this.live(key);
    if (!counter || counter.failures < limit) return 0;
    return Math.max(1, Math.ceil((counter.resetAt - this.now()) / 1000));
  }

  private live(key: string): Counter | undefined {
    const counter = this.counters.get(key);
    if (counter && counter.resetAt <= this.now()) {
      this.counters.delete(key);
      return undefined;
    }
    return counter;
  }

  private bump(key: string): number {
    const counter = this.live(key) ?? { failures: 0, resetAt: this.now() + this.settings.windowSeconds * 1000 };
    counter.failures += 1;
    this.counters.set(key, counter);
    if (this.counters.size > MAX_KEYS) this.evict();
    return counter.failures;
  }

  /** Drops expired counters; if a flood of addresses still fills the map, the oldest go first. */
  private evict(): void {
    for (const key of [...this.counters.keys()]) this.live(key);
    for (const key of this.counters.keys()) {
      if (this.counters.size <= MAX_KEYS / 2) break;
      this.counters.delete(key);
    }
  }
}
