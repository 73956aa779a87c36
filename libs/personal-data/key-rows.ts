/**
 * A data key's row (`personal_data.data_keys`) read and its key unwrapped: by its period's wrapping key, or by
 * the master key for a key from before wrapping keys (kek_id NULL).
 */
import type { KeyMaterial, KeyState } from './key-state';
import type { KeyStatus } from './key-decisions';
import { Queryable } from './key-wrapping';
import { unseal } from './wrapping-keys';

export interface KeyRow {
  key_id: string;
  status: KeyStatus;
  wrapped_key: Buffer | null;
  kek_id: string | null;
}

export function fetchKeyRows(db: Queryable, ids: string[]): Promise<KeyRow[]> {
  return db.query(`SELECT key_id, status, wrapped_key, kek_id FROM personal_data.data_keys WHERE key_id = ANY($1::text[])`, [ids]);
}

/**
 * The state of a key row. `wrappingKeys` holds the wrapping keys this look-up has read already: a batch's
 * keys mostly share one, whose file is checked once for the batch instead of twice for each key.
 */
export async function stateOfRow(
  db: Queryable,
  material: KeyMaterial,
  row: KeyRow,
  wrappingKeys = new Map<string, Buffer | undefined>(),
): Promise<KeyState> {
  let current = row;
  let kek = wrappingKeyOfRow(material, row, wrappingKeys);
  if (row.kek_id && !kek) {
    // A key re-wrapped by another process's erasure since the read: its old wrapping key may be gone.
    current = (await fetchKeyRows(db, [row.key_id]))[0];
    kek = wrappingKeyOfRow(material, current, wrappingKeys);
  }
  return current.status === 'erased' || !current.wrapped_key
    ? { status: 'erased' }
    : { status: current.status, key: unwrap(material, current, kek) };
}

function wrappingKeyOfRow(material: KeyMaterial, row: KeyRow, read: Map<string, Buffer | undefined>): Buffer | undefined {
  if (!row.kek_id) return undefined;
  if (!read.has(row.kek_id)) read.set(row.kek_id, material.wrappingKeys.read(row.kek_id));
  return read.get(row.kek_id);
}

function unwrap(material: KeyMaterial, row: KeyRow, kek: Buffer | undefined): Buffer {
  if (!row.kek_id) return unseal(material.masterKey, row.wrapped_key!, row.key_id);
  if (!kek) throw new Error(`wrapping key ${row.kek_id} of a data key is missing from ${material.wrappingKeys.dir}`);
  return unseal(kek, row.wrapped_key!, row.key_id);
}
