/**
 * Per-household data keys (AES-256), stored in `personal_data.data_keys` wrapped by the wrapping key of
 * their period (key-wrapping.ts; the key files live under DATA_DIR, outside PostgreSQL). A key is active,
 * restricted (kept, usable only under an auditor's stated purpose) or erased. Erasure deletes the wrapped
 * bytes and then retires the wrapping key they were under: the period's other keys are wrapped again under
 * a new one and the old key's file is destroyed, so the copies PostgreSQL still holds of the erased key (WAL,
 * old pages, backups) can no longer be unwrapped. Keys from before wrapping keys (kek_id NULL, wrapped by
 * the master key) are moved under wrapping keys by `prepare` at start-up. Unwrapped keys are cached
 * briefly in memory; this process forgets a key the moment it erases or restricts it, another within `cacheMs`.
 */
import { randomBytes } from 'node:crypto';
import { activeWrappingKey, createOrFindKeys, KeyDatabase, keyPeriod } from './key-wrapping';
import { KeyCache } from './key-cache';
import { eraseKey, KeyDecision, transitionKey } from './key-decisions';
import { wrapLegacyKeys } from './legacy-keys';
import { fetchKeyRows, KeyRow, stateOfRow } from './key-rows';
import { KeyMaterial, KeyState } from './key-state';
import { seal } from './wrapping-keys';

export type { KeyDatabase, Queryable } from './key-wrapping';
export type { KeyDecision, KeyStatus } from './key-decisions';
export type { KeyMaterial, KeyState } from './key-state';

/** How long an unwrapped key is kept in memory unless configured otherwise. */
export const DEFAULT_KEY_CACHE_MS = 5_000;

export class DataKeyStore {
  private readonly cache: KeyCache;
  /** Active wrapping key by period, as last seen: only ever a candidate, checked by the statement that uses it (createOrFindKey). */
  private readonly wrappingKeys = new Map<string, { id: string; key: Buffer }>();
  /** getOrCreate calls waiting for the next batch (createPending). */
  private creations: { id: string; resolve: (state: KeyState) => void; reject: (error: unknown) => void }[] = [];

  constructor(
    private readonly db: KeyDatabase,
    private readonly material: KeyMaterial,
    cacheMs = DEFAULT_KEY_CACHE_MS,
  ) {
    this.cache = new KeyCache(cacheMs);
  }

  /**
   * At start-up: wraps data keys still wrapped by the master key under their period's wrapping key, and
   * destroys key files a crash left behind. Returns how many keys it moved.
   */
  async prepare(): Promise<number> {
    const moved = await wrapLegacyKeys(this.db, this.material);
    this.cache.clear();
    this.wrappingKeys.clear();
    return moved;
  }

  /**
   * Called whenever this process erases, restricts or lifts a key: whatever holds data decrypted with keys
   * (the command path's folded states) forgets it at once, as this cache does.
   */
  onForget(listener: () => void): void {
    this.cache.onForget(listener);
  }

  /** The states of the given keys; ids without a key are absent from the map. */
  async states(ids: Iterable<string>): Promise<Map<string, KeyState>> {
    const found = new Map<string, KeyState>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const cached = this.cache.get(id);
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const since = this.cache.mark();
    const wrappingKeys = new Map<string, Buffer | undefined>();
    for (const row of await fetchKeyRows(this.db, missing)) {
      const state = await stateOfRow(this.db, this.material, row, wrappingKeys);
      this.cache.remember(row.key_id, state, since);
      found.set(row.key_id, state);
    }
    return found;
  }

  /**
   * The key's state, creating an active key when the household has none yet. Creations asked for in the
   * same turn of the event loop (concurrent enrolments) go in one statement, which both finds and creates
   * (createOrFindKeys): one round trip for them all, where each took a look-up, the wrapping key's, a
   * transaction of four statements and a read-back before.
   */
  getOrCreate(id: string): Promise<KeyState> {
    const cached = this.cache.get(id);
    if (cached) return Promise.resolve(cached);
    return new Promise((resolve, reject) => {
      if (this.creations.length === 0) setImmediate(() => void this.createPending());
      this.creations.push({ id, resolve, reject });
    });
  }

  private async createPending(): Promise<void> {
    const batch = this.creations.splice(0);
    try {
      const states = await this.createOrFind([...new Set(batch.map((c) => c.id))]);
      for (const creation of batch) creation.resolve(states.get(creation.id)!);
    } catch (error) {
      for (const creation of batch) creation.reject(error);
    }
  }

  private async createOrFind(ids: string[]): Promise<Map<string, KeyState>> {
    const found = new Map<string, KeyState>();
    const period = keyPeriod(new Date());
    let missing = ids;
    for (let attempt = 0; attempt < 5 && missing.length > 0; attempt += 1) {
      const kek = await this.wrappingKeyOf(period);
      const keys = new Map(missing.map((id) => [id, randomBytes(32)]));
      const rows = await createOrFindKeys(
        this.db,
        missing.map((id) => ({ id, wrapped: seal(kek.key, keys.get(id)!, id) })),
        kek.id,
      );
      const neither: string[] = [];
      for (const row of rows) {
        const state: KeyState | undefined = row.created
          ? { status: 'active', key: keys.get(row.wanted)! }
          : row.key_id
            ? await stateOfRow(this.db, this.material, row as KeyRow)
            : undefined;
        if (state) this.cache.remember(row.wanted, state);
        if (state) found.set(row.wanted, state);
        else neither.push(row.wanted);
      }
      // Neither created nor found: a racing creation committed after the statement's snapshot, or an
      // erasure retired the wrapping key since it was remembered, and the period's next one is needed.
      const raced = neither.length > 0 ? await this.states(neither) : new Map<string, KeyState>();
      for (const [id, state] of raced) found.set(id, state);
      missing = neither.filter((id) => !raced.has(id));
      if (missing.length > 0) this.wrappingKeys.delete(period);
    }
    if (missing.length > 0) throw new Error(`could not create ${missing.length} data key(s) under the wrapping key of ${period}`);
    return found;
  }

  /** The period's active wrapping key, remembered: CREATE_OR_FIND checks that it is still active as it writes. */
  private async wrappingKeyOf(period: string): Promise<{ id: string; key: Buffer }> {
    const known = this.wrappingKeys.get(period);
    if (known) return known;
    const kek = await activeWrappingKey(this.db, this.material.wrappingKeys, period);
    this.wrappingKeys.set(period, kek);
    return kek;
  }

  /**
   * The states of many keys at once, creating active keys for those without one: a bulk load's batch
   * costs a few round trips instead of several per household. Returned, not only cached, so a batch
   * larger than the cache or slower than `cacheMs` still has every key it asked for.
   */
  async getOrCreateMany(ids: Iterable<string>): Promise<Map<string, KeyState>> {
    const wanted = [...new Set(ids)];
    const found = await this.states(wanted);
    const missing = wanted.filter((id) => !found.has(id));
    for (const [id, state] of missing.length > 0 ? await this.createOrFind(missing) : []) found.set(id, state);
    return found;
  }

  /** Destroys the key: every personal field it protects becomes unreadable for good. Idempotent. */
  async erase(id: string, decision: KeyDecision): Promise<void> {
    await eraseKey(this.db, this.material.wrappingKeys, id, decision, () => this.forget(id));
  }

  /** Restricts an active key to storage only; false when the key is already erased. */
  async restrict(id: string, decision: KeyDecision): Promise<boolean> {
    await this.getOrCreate(id);
    return transitionKey(this.db, id, ['active', 'restricted'], decision, () => this.forget(id));
  }

  /** Lifts a restriction; false when the key is not restricted. */
  async lift(id: string, decision: KeyDecision): Promise<boolean> {
    return transitionKey(this.db, id, ['restricted', 'active'], decision, () => this.forget(id));
  }

  private forget(id: string): void {
    this.cache.forget(id);
    this.wrappingKeys.clear(); // an erasure retires one: asking again spares a refused creation
  }
}
