/**
 * Per-household data keys (AES-256), stored wrapped by the master key in `personal_data.data_keys`.
 * A key is active, restricted (kept, usable only under an auditor's stated purpose) or erased (the
 * wrapped bytes are deleted: crypto-shredding). Unwrapped keys are cached briefly in memory; this
 * process forgets a key the moment it erases or restricts it, another process within `cacheMs`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export type KeyStatus = 'active' | 'restricted' | 'erased';
export type KeyState = { status: 'active' | 'restricted'; key: Buffer } | { status: 'erased' };

/** Anything that runs a parameterised query and returns rows (TypeORM's DataSource does). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export interface KeyDecision {
  actor: string;
  /** A code from LEGAL_BASES for erasure and restriction; never free text (it might name someone). */
  legalBasis?: string;
  reference?: string;
}

interface CacheEntry {
  state: KeyState;
  until: number;
}

export class DataKeyStore {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly db: Queryable, private readonly masterKey: Buffer, private readonly cacheMs = 5_000) {}

  /** The states of the given keys; ids without a key are absent from the map. */
  async states(ids: Iterable<string>): Promise<Map<string, KeyState>> {
    const found = new Map<string, KeyState>();
    const missing: string[] = [];
    const now = Date.now();
    for (const id of new Set(ids)) {
      const cached = this.cache.get(id);
      if (cached && cached.until > now) found.set(id, cached.state);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const rows: { key_id: string; status: KeyStatus; wrapped_key: Buffer | null }[] = await this.db.query(
      `SELECT key_id, status, wrapped_key FROM personal_data.data_keys WHERE key_id = ANY($1::text[])`,
      [missing],
    );
    for (const row of rows) {
      const state: KeyState = row.status === 'erased' || !row.wrapped_key ? { status: 'erased' } : { status: row.status, key: this.unwrap(row.key_id, row.wrapped_key) };
      this.remember(row.key_id, state);
      found.set(row.key_id, state);
    }
    return found;
  }

  /** The key's state, creating an active key when the household has none yet. */
  async getOrCreate(id: string): Promise<KeyState> {
    const known = (await this.states([id])).get(id);
    if (known) return known;
    await this.db.query(
      `INSERT INTO personal_data.data_keys (key_id, status, wrapped_key) VALUES ($1, 'active', $2) ON CONFLICT (key_id) DO NOTHING`,
      [id, this.wrap(id, randomBytes(32))],
    );
    this.cache.delete(id);
    return (await this.states([id])).get(id)!;
  }

  /** Destroys the key: every personal field it protects becomes unreadable for good. Idempotent. */
  async erase(id: string, decision: KeyDecision): Promise<void> {
    await this.db.query(
      `INSERT INTO personal_data.data_keys (key_id, status, wrapped_key) VALUES ($1, 'erased', NULL)
       ON CONFLICT (key_id) DO UPDATE SET status = 'erased', wrapped_key = NULL, changed_at = now()`,
      [id],
    );
    await this.record(id, 'erased', decision);
  }

  /** Restricts an active key to storage only; false when the key is already erased. */
  async restrict(id: string, decision: KeyDecision): Promise<boolean> {
    return this.transition(id, 'active', 'restricted', decision);
  }

  /** Lifts a restriction; false when the key is not restricted. */
  async lift(id: string, decision: KeyDecision): Promise<boolean> {
    return this.transition(id, 'restricted', 'active', decision);
  }

  private async transition(id: string, from: KeyStatus, to: KeyStatus, decision: KeyDecision): Promise<boolean> {
    if (from === 'active') await this.getOrCreate(id);
    const rows = await this.db.query(
      `UPDATE personal_data.data_keys SET status = $3, changed_at = now() WHERE key_id = $1 AND status = $2 RETURNING key_id`,
      [id, from, to],
    );
    this.cache.delete(id);
    const changed = (Array.isArray(rows[0]) ? rows[0] : rows).length > 0;
    if (changed) await this.record(id, to, decision);
    return changed;
  }

  private async record(id: string, action: KeyStatus, decision: KeyDecision): Promise<void> {
    this.cache.delete(id);
    await this.db.query(
      `INSERT INTO personal_data.key_decisions (key_id, action, legal_basis, reference, actor) VALUES ($1, $2, $3, $4, $5)`,
      [id, action, decision.legalBasis ?? null, decision.reference ?? null, decision.actor],
    );
  }

  private remember(id: string, state: KeyState): void {
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(id, { state, until: Date.now() + this.cacheMs });
  }

  private wrap(id: string, key: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv, { authTagLength: 16 });
    cipher.setAAD(Buffer.from(id, 'utf8'));
    const body = Buffer.concat([cipher.update(key), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  private unwrap(id: string, wrapped: Buffer): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey, wrapped.subarray(0, 12), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(id, 'utf8'));
    decipher.setAuthTag(wrapped.subarray(12, 28));
    return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
  }
}
