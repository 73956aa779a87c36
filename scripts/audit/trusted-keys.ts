/**
 * The checkpoint-signing keys an audit trusts: those given on the command line, or when none is, the
 * service's configured (or generated) key; then, through the keys' history, only keys vouched for by a
 * trusted one. An auditor's key given out of band is not joined by whatever key the environment they run
 * in configures: that would be the operator's word for the key (a restart with a key of their own). A
 * rotation's announcement note carries the signatures of the old key and the new, so either, once trusted,
 * brings in the other. A row an insider added to audit.signing_keys brings in nothing. Never generates a
 * key: a verification that made its own key would trust whatever it then finds.
 */
import { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { loadCheckpointConfig, noteVerifierKey, storedCheckpointOfSize } from '@libs/audit/checkpointing';
import { parseVerifierKey } from '@libs/audit/notes/note-keys';
import { trustedKeyText } from '@libs/audit/published-key';
import { parseNote, verifiedSigners } from '@libs/audit/notes/signed-note';
import { keyFingerprint, loadPublicKey } from '@libs/audit/signing';

export async function trustedKeys(
  dataSource: DataSource,
  dataDir: string,
  given: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<Map<string, KeyObject>> {
  const keys = new Map<string, KeyObject>();
  const add = (key: KeyObject) => keys.set(keyFingerprint(key), key);
  const { signingKey, origin } = loadCheckpointConfig(env, dataDir);
  // As the bundle verifier takes them: PEM, base64, or the JSON `/audit/public-key` serves, in a file or as text.
  for (const text of given) add(loadPublicKey(trustedKeyText(existsSync(text) ? readFileSync(text, 'utf8') : text)));
  // Keys the auditor pinned stand alone: the configured one then counts only if they vouched for it (below).
  if (given.length === 0) {
    if (signingKey.kind === 'configured') add(loadPublicKey(signingKey.key));
    else if (existsSync(signingKey.path)) add(loadPublicKey(readFileSync(signingKey.path, 'utf8')));
  }
  await vouchedFor(dataSource, origin, keys);
  return keys;
}

/** Adds the history's keys that co-signed a rotation's announcement with a key already trusted, until none is left. */
async function vouchedFor(dataSource: DataSource, origin: string, keys: Map<string, KeyObject>): Promise<void> {
  const [{ present }] = await dataSource.query(`SELECT to_regclass('audit.signing_keys') IS NOT NULL AS present`);
  if (!present) return;
  const rows: { public_key: string }[] = await dataSource.query(`SELECT public_key FROM audit.signing_keys`);
  const history = rows.map((row) => loadPublicKey(row.public_key));
  const announcements: { announced_by: string }[] = await dataSource.query(
    `SELECT DISTINCT announced_by FROM audit.signing_keys WHERE announced_by IS NOT NULL`,
  );
  const notes = (await Promise.all(announcements.map((a) => storedCheckpointOfSize(dataSource.manager, Number(a.announced_by))))).flatMap(
    (stored) => (stored?.note ? [parseNote(stored.note)] : []),
  );
  const signs = (note: ReturnType<typeof parseNote>, key: KeyObject) =>
    verifiedSigners(note, [parseVerifierKey(noteVerifierKey(origin, key))]).length > 0;
  for (let grew = true; grew;) {
    grew = false;
    for (const note of notes.filter((n) => [...keys.values()].some((key) => signs(n, key)))) {
      for (const key of history.filter((k) => !keys.has(keyFingerprint(k)) && signs(note, k))) {
        keys.set(keyFingerprint(key), key);
        grew = true;
      }
    }
  }
}
