/** The checkpoint-signing key: from configuration, or generated once and kept in a file of its own. */
import { KeyObject, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateSigningKeyPair, loadPrivateKey } from '../signing';
import { SigningKeySource } from './checkpoint-config';

export function openSigningKey(source: SigningKeySource): KeyObject {
  if (source.kind === 'configured') return loadPrivateKey(source.key);
  if (!existsSync(source.path)) {
    // Only the key's own directory is private: a DATA_DIR created here must stay open to the embedded PostgreSQL's user.
    mkdirSync(dirname(dirname(source.path)), { recursive: true });
    mkdirSync(dirname(source.path), { recursive: true, mode: 0o700 });
    createOnce(source.path, generateSigningKeyPair().privateKeyPem);
    chmodSync(source.path, 0o600);
  }
  return loadPrivateKey(readFileSync(source.path, 'utf8'));
}

/**
 * Two processes starting together must not overwrite each other's key, and the loser must not read the
 * winner's file before it is fully written (an empty key stops start-up). So the key is written whole
 * under a name of its own, then linked into place: `link` fails with EEXIST if a key is already there.
 */
function createOnce(path: string, content: string): void {
  const draft = `${path}.${process.pid}.${randomUUID()}.draft`;
  writeFileSync(draft, content, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
}
