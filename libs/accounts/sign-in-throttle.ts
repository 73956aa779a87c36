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

  constructor(readonly settings: ThrottleSettings, private readonly now: () => number = Date.now) {}

  /** Seconds to wait before this username or client may try again; 0 when they may now. */
  retryAfter(username: string, client: string): number {
    const waits = [this.wait(`user:${username}`, this.settings.perUser), this.wait(`client:${client}`, this.settings.perClient)];
    return Math.max(...waits);
  }

  /** Counts a failure; answers how many failures the username has in the window. */
  failed(username: string, client: string): number {
    this.bump(`client:${client}`);
    return this.bump(`user:${username}`);
  }

  succeeded(username: string): void {
    this.counters.delete(`user:${username}`);
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
