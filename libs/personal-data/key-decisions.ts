/**
 * The decisions on a data key (data-keys.ts): erase, restrict and lift, each written with its actor and legal
 * basis to `personal_data.key_decisions`. `forget` drops the key from the caller's memory: before the decision
 * is written (a read racing it must not keep the old state) and once it is done.
 */
import { Queryable, retireWrappingKey, KeyDatabase } from './key-wrapping';
import { WrappingKeyFiles } from './wrapping-keys';

export type KeyStatus = 'active' | 'restricted' | 'erased';

export interface KeyDecision {
  actor: string;
  /** A code from LEGAL_BASES for erasure and restriction; never free text (it might name someone). */
  legalBasis?: string;
  reference?: string;
}

/** Destroys the key and then retires the wrapping key it was under, so no old copy of it can be unwrapped. */
export async function eraseKey(
  db: KeyDatabase,
  wrappingKeys: WrappingKeyFiles,
  id: string,
  decision: KeyDecision,
  forget: () => void,
): Promise<void> {
  const kekId = await db.transaction(async (tx) => {
    const [row]: { kek_id: string | null }[] = await tx.query(`SELECT kek_id FROM personal_data.data_keys WHERE key_id = $1 FOR UPDATE`, [
      id,
    ]);
    await tx.query(
      `INSERT INTO personal_data.data_keys (key_id, status, wrapped_key) VALUES ($1, 'erased', NULL)
       ON CONFLICT (key_id) DO UPDATE SET status = 'erased', wrapped_key = NULL, kek_id = NULL, changed_at = now()`,
      [id],
    );
    await recordDecision(tx, id, 'erased', decision, forget);
    return row?.kek_id ?? null;
  });
  forget();
  // The erasure is complete once the wrapping key it was under is destroyed: only then is every old copy dead.
  if (kekId) await retireWrappingKey(db, wrappingKeys, kekId);
}

/** Moves the key from one status to another; false when it was not in `from`. */
export async function transitionKey(
  db: Queryable,
  id: string,
  [from, to]: [KeyStatus, KeyStatus],
  decision: KeyDecision,
  forget: () => void,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE personal_data.data_keys SET status = $3, changed_at = now() WHERE key_id = $1 AND status = $2 RETURNING key_id`,
    [id, from, to],
  );
  forget();
  const changed = (Array.isArray(rows[0]) ? rows[0] : rows).length > 0;
  if (changed) await recordDecision(db, id, to, decision, forget);
  return changed;
}

async function recordDecision(db: Queryable, id: string, action: KeyStatus, decision: KeyDecision, forget: () => void): Promise<void> {
  forget();
  await db.query(`INSERT INTO personal_data.key_decisions (key_id, action, legal_basis, reference, actor) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    action,
    decision.legalBasis ?? null,
    decision.reference ?? null,
    decision.actor,
  ]);
}
