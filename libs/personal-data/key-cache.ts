/**
 * Unwrapped data keys kept briefly in memory (data-keys.ts), and the rule that keeps the cache honest: this
 * process forgets a key the moment it erases, restricts or lifts it, and a look-up that overlapped such a
 * change may have read the key before it, so what it read is not kept. Another process's change reaches
 * this one when the entry lapses (`ttlMs`).
 */
import type { KeyState } from './key-state';

interface Entry {
  state: KeyState;
  until: number;
}

/** A bound on entries: a bulk load looks up far more keys than a service holds at once. */
const MAX_ENTRIES = 50_000;

export class KeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners: (() => void)[] = [];
  /** Counts forgets: a look-up compares it before and after its read (`since`). */
  private forgotten = 0;

  constructor(private readonly ttlMs: number) {}

  /** The key's state while its entry lasts. */
  get(id: string): KeyState | undefined {
    const entry = this.entries.get(id);
    return entry && entry.until > Date.now() ? entry.state : undefined;
  }

  /** A mark taken before a look-up's read: what it read is kept only if nothing was forgotten since. */
  mark(): number {
    return this.forgotten;
  }

  remember(id: string, state: KeyState, since?: number): void {
    if (since !== undefined && since !== this.forgotten) return;
    if (this.entries.size > MAX_ENTRIES) this.entries.clear();
    this.entries.set(id, { state, until: Date.now() + this.ttlMs });
  }

  forget(id: string): void {
    this.forgotten += 1;
    this.entries.delete(id);
    for (const listener of this.listeners) listener();
  }

  /** Whatever else holds data decrypted with keys (the command path's folded states) forgets with this cache. */
  onForget(listener: () => void): void {
    this.listeners.push(listener);
  }

  clear(): void {
    this.entries.clear();
  }
}
