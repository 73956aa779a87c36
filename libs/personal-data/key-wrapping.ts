/**
 * Which wrapping key wraps a new data key, and how a wrapping key is retired. One wrapping key is active
 * per period (the month the data key was made, in the programme's calendar: libs/calendar), so an erasure
 * re-wraps only that period's households. The SQL here runs in the caller's transactions; see data-keys.ts.
 */
import { localDateOf } from '../calendar/calendar';
import { seal, unseal, WrappingKeyFiles } from './wrapping-keys';

/** Runs a parameterised query and returns rows (TypeORM's DataSource and EntityManager do). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** A database that can also run a transaction (TypeORM's DataSource). */
export interface KeyDatabase extends Queryable {
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** `YYYY-MM` of the instant in the programme's calendar (a label grouping keys: nothing is counted by it). */
export function keyPeriod(at: Date): string {
  const { year, month } = localDateOf(at.getTime());
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The active wrapping key of the period, made (file first, then row) when there is none. */
export async function activeWrappingKey(db: Queryable, files: WrappingKeyFiles, period: string): Promise<{ id: string; key: Buffer }> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const [row]: { kek_id: string }[] = await db.query(
      `SELECT kek_id FROM personal_data.wrapping_keys WHERE period = $1 AND status = 'active'`,
      [period],
    );
    const key = row && files.read(row.kek_id);
    if (row && key) return { id: row.kek_id, key };
    if (row) continue; // retired and destroyed since the SELECT by an erasure: its successor is active now
    const fresh = files.create();
    const inserted: unknown[] = await db.query(
      `INSERT INTO personal_data.wrapping_keys (kek_id, period, status) VALUES ($1, $2, 'active') ON CONFLICT DO NOTHING RETURNING kek_id`,
      [fresh.id, period],
    );
    if (inserted.length > 0) return fresh;
    files.destroy(fresh.id); // another process made the period's key first: use that one
  }
  throw new Error(`could not settle the wrapping key of ${period} (is a key file missing from ${files.dir}?)`);
}

/**
 * Finds the keys, or creates those missing wrapped under the given wrapping key ($3), in one statement and so
 * one transaction. The wrapping key's row is share-locked (FOR SHARE) and must still be active: an erasure
 * retiring it (FOR UPDATE, retireWrappingKey) either waits for this insert and then wraps the new keys
 * again, or has committed first, and then the re-check of the locked row finds it retired and nothing is
 * inserted. One row per key asked for: `created`, else the existing row's columns (null when neither:
 * retired, or a racing creation not yet visible to this statement's snapshot).
 */
const CREATE_OR_FIND = `
WITH wanted AS (SELECT * FROM unnest($1::text[], $2::bytea[]) AS n(key_id, wrapped)),
existing AS (
  SELECT d.key_id, d.status, d.wrapped_key, d.kek_id FROM personal_data.data_keys d WHERE d.key_id = ANY($1::text[])),
created AS (
  INSERT INTO personal_data.data_keys (key_id, status, wrapped_key, kek_id)
  SELECT n.key_id, 'active', n.wrapped, w.kek_id
    FROM wanted n,
         (SELECT kek_id FROM personal_data.wrapping_keys WHERE kek_id = $3 AND status = 'active' FOR SHARE) AS w
   WHERE NOT EXISTS (SELECT 1 FROM existing e WHERE e.key_id = n.key_id)
  ON CONFLICT (key_id) DO NOTHING
  RETURNING key_id)
SELECT n.key_id AS wanted, c.key_id IS NOT NULL AS created, e.key_id, e.status, e.wrapped_key, e.kek_id
  FROM wanted n LEFT JOIN created c ON c.key_id = n.key_id LEFT JOIN existing e ON e.key_id = n.key_id`;

export interface FoundOrCreated {
  wanted: string;
  created: boolean;
  key_id: string | null;
  status: 'active' | 'restricted' | 'erased' | null;
  wrapped_key: Buffer | null;
  kek_id: string | null;
}

/** See CREATE_OR_FIND. Ids in one order, so that two batches sharing keys cannot deadlock. */
export function createOrFindKeys(db: Queryable, keys: { id: string; wrapped: Buffer }[], kekId: string): Promise<FoundOrCreated[]> {
  const sorted = [...keys].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return db.query(CREATE_OR_FIND, [sorted.map((k) => k.id), sorted.map((k) => k.wrapped), kekId]);
}

/**
 * Inside a transaction: locks the wrapping key against retirement (FOR SHARE) and answers whether it is
 * still active. A data key wrapped under it must be written in the same transaction.
 */
export async function holdActive(tx: Queryable, kekId: string): Promise<boolean> {
  const rows: unknown[] = await tx.query(`SELECT 1 FROM personal_data.wrapping_keys WHERE kek_id = $1 AND status = 'active' FOR SHARE`, [
    kekId,
  ]);
  return rows.length > 0;
}

/**
 * Retires a wrapping key: every data key it still wraps is wrapped again under a new key of the same
 * period, in one transaction, and only after that commits is the old key's file destroyed. Every copy
 * of a data key PostgreSQL ever wrote under the old key (WAL, old pages, backups) is then undecipherable;
 * the erased key, whose row is gone, has no new copy. Concurrent creations wait (FOR SHARE against FOR
 * UPDATE) and then wrap under the new key; a concurrent erasure's row is skipped (locked, then re-checked).
 */
export async function retireWrappingKey(db: KeyDatabase, files: WrappingKeyFiles, kekId: string): Promise<number> {
  const fresh = files.create();
  const rewrapped = await db.transaction(async (tx) => {
    const [old]: { period: string; status: string }[] = await tx.query(
      `SELECT period, status FROM personal_data.wrapping_keys WHERE kek_id = $1 FOR UPDATE`,
      [kekId],
    );
    if (!old || old.status !== 'active') return undefined;
    const oldKey = files.read(kekId);
    if (!oldKey) throw new Error(`wrapping key ${kekId} is missing from ${files.dir}`);
    await tx.query(`UPDATE personal_data.wrapping_keys SET status = 'retired', retired_at = now() WHERE kek_id = $1`, [kekId]);
    await tx.query(`INSERT INTO personal_data.wrapping_keys (kek_id, period, status) VALUES ($1, $2, 'active')`, [fresh.id, old.period]);
    const rows: { key_id: string; wrapped_key: Buffer }[] = await tx.query(
      `SELECT key_id, wrapped_key FROM personal_data.data_keys WHERE kek_id = $1 AND wrapped_key IS NOT NULL FOR UPDATE`,
      [kekId],
    );
    const wrapped = rows.map((row) => seal(fresh.key, unseal(oldKey, row.wrapped_key, row.key_id), row.key_id));
    await tx.query(
      `UPDATE personal_data.data_keys AS d SET wrapped_key = n.wrapped, kek_id = $3
         FROM unnest($1::text[], $2::bytea[]) AS n(key_id, wrapped) WHERE d.key_id = n.key_id`,
      [rows.map((row) => row.key_id), wrapped, fresh.id],
    );
    return rows.length;
  });
  if (rewrapped === undefined) files.destroy(fresh.id);
  files.destroy(kekId);
  return rewrapped ?? 0;
}

/**
 * Destroys the files of retired keys that a crash between the commit and the deletion left behind. Files
 * no row names (made for a row that never committed) are left alone: they never wrapped anything, and the
 * directory might, misconfigured, be shared with another database whose rows this one cannot see.
 */
export async function destroyLeftovers(db: Queryable, files: WrappingKeyFiles): Promise<void> {
  const rows: { kek_id: string }[] = await db.query(`SELECT kek_id FROM personal_data.wrapping_keys WHERE status = 'retired'`);
  const retired = new Set(rows.map((row) => row.kek_id));
  for (const { id } of files.list()) if (retired.has(id)) files.destroy(id);
}
