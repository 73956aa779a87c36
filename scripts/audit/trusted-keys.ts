/**
 * The checkpoint-signing keys an audit trusts: the service's configured (or generated) key, the keys the
 * key history records (after rotations), and any given on the command line. Never generates a key: a
 * verification that made its own key would trust whatever it then finds.
 */
import { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadCheckpointConfig } from '@libs/audit/checkpointing';
import { keyFingerprint, loadPublicKey } from '@libs/audit/signing';

export async function trustedKeys(dataSource: DataSource, dataDir: string, given: readonly string[], env: NodeJS.ProcessEnv): Promise<Map<string, KeyObject>> {
  const keys = new Map<string, KeyObject>();
  const add = (key: KeyObject) => keys.set(keyFingerprint(key), key);
  const { signingKey } = loadCheckpointConfig(env, dataDir);
  if (signingKey.kind === 'configured') add(loadPublicKey(signingKey.key));
  else if (existsSync(signingKey.path)) add(loadPublicKey(readFileSync(signingKey.path, 'utf8')));
  for (const text of given) add(loadPublicKey(existsSync(text) ? readFileSync(text, 'utf8') : text));
  for (const key of await historyKeys(dataSource)) add(key);
  return keys;
}

/** Public keys recorded by rotations (audit.signing_keys), when that table exists. */
async function historyKeys(dataSource: DataSource): Promise<KeyObject[]> {
  const [{ present }] = await dataSource.query(`SELECT to_regclass('audit.signing_keys') IS NOT NULL AS present`);
  if (!present) return [];
  const rows: { public_key: string }[] = await dataSource.query(`SELECT public_key FROM audit.signing_keys`);
  return rows.map((row) => loadPublicKey(row.public_key));
}
