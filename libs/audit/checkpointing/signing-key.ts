/** The checkpoint-signing key: from configuration, or generated once and kept in a file of its own. */
import { KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileOnce } from '../../auth/write-once';
import { generateSigningKeyPair, loadPrivateKey } from '../signing';
import { SigningKeySource } from './checkpoint-config';

export function openSigningKey(source: SigningKeySource): KeyObject {
  if (source.kind === 'configured') return loadPrivateKey(source.key);
  if (!existsSync(source.path)) {
    // Only the key's own directory is private: a DATA_DIR created here must stay open to the embedded PostgreSQL's user.
    mkdirSync(dirname(dirname(source.path)), { recursive: true });
    mkdirSync(dirname(source.path), { recursive: true, mode: 0o700 });
    // Two processes starting together: one key is linked into place whole, and the other reads that one.
    writeFileOnce(source.path, generateSigningKeyPair().privateKeyPem);
    chmodSync(source.path, 0o600);
  }
  return loadPrivateKey(readFileSync(source.path, 'utf8'));
}
