/**
 * Data keys from before wrapping keys (wrapped by the master key, `kek_id` NULL), moved under their period's
 * wrapping key at start-up, and key files a crash left behind destroyed (data-keys.ts `prepare`).
 */
import { activeWrappingKey, destroyLeftovers, holdActive, KeyDatabase, keyPeriod } from './key-wrapping';
import type { KeyMaterial } from './key-state';
import { seal, unseal } from './wrapping-keys';

interface LegacyKeyRow {
  key_id: string;
  wrapped_key: Buffer | null;
  created_at: Date;
}

/** Returns how many keys it moved. */
export async function wrapLegacyKeys(db: KeyDatabase, material: KeyMaterial): Promise<number> {
  const legacy: LegacyKeyRow[] = await db.query(
    `SELECT key_id, status, wrapped_key, kek_id, created_at FROM personal_data.data_keys WHERE kek_id IS NULL AND wrapped_key IS NOT NULL`,
  );
  const byPeriod = new Map<string, LegacyKeyRow[]>();
  for (const row of legacy) byPeriod.set(keyPeriod(row.created_at), [...(byPeriod.get(keyPeriod(row.created_at)) ?? []), row]);
  for (const [period, rows] of byPeriod) await wrapUnder(db, material, period, rows);
  await destroyLeftovers(db, material.wrappingKeys);
  return legacy.length;
}

/**
 * Writes data keys wrapped under the period's active wrapping key, holding it against retirement for the
 * transaction; when an erasure retired it meanwhile, goes again with the new one. Existing active keys
 * are left as they are (a concurrent creation won); legacy rows get their new wrapping.
 */
async function wrapUnder(
  db: KeyDatabase,
  material: KeyMaterial,
  period: string,
  keys: { key_id: string; key?: Buffer; wrapped_key?: Buffer | null }[],
): Promise<void> {
  const plain = keys.map((k) => ({ id: k.key_id, key: k.key ?? unseal(material.masterKey, k.wrapped_key!, k.key_id) }));
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const kek = await activeWrappingKey(db, material.wrappingKeys, period);
    const done = await db.transaction(async (tx) => {
      if (!(await holdActive(tx, kek.id))) return false;
      await tx.query(
        `INSERT INTO personal_data.data_keys (key_id, status, wrapped_key, kek_id) SELECT id, 'active', wrapped, $3
           FROM unnest($1::text[], $2::bytea[]) AS n(id, wrapped)
         ON CONFLICT (key_id) DO UPDATE SET wrapped_key = EXCLUDED.wrapped_key, kek_id = EXCLUDED.kek_id
           WHERE data_keys.kek_id IS NULL AND data_keys.wrapped_key IS NOT NULL`,
        [plain.map((k) => k.id), plain.map((k) => seal(kek.key, k.key, k.id)), kek.id],
      );
      return true;
    });
    if (done) return;
  }
  throw new Error(`could not wrap data keys under the wrapping key of ${period}`);
}
