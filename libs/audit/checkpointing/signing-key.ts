/** The checkpoint-signing key: from configuration, or generated once and kept in a file of its own. */
import { KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateSigningKeyPair, loadPrivateKey } from '../signing';
import { SigningKeySource } from './checkpoint-config';

export function openSigningKey(source: SigningKeySource): KeyObject {
  if (source.kind === 'configured') return loadPrivateKey(source.key);
  if (!existsSync(source.path)) {
    // Only the key's own directory is private: a DATA_DIR created here must stay open to the embedded PostgreSQL's user.
    mkdirSync(dirname(dirname(source.path)), { recursive: true });
    mkdirSync(dirname(source.path), { recursive: true, mode: 0o700 });
    // `wx`: two processes starting together must not overwrite each other's key; the loser reads the winner's.
    try {
      writeFileSync(source.path, generateSigningKeyPair().privateKeyPem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    chmodSync(source.path, 0o600);
  }
  return loadPrivateKey(readFileSync(source.path, 'utf8'));
}
