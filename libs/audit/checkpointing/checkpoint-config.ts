/**
 * Settings of the checkpoint writer, checked at start-up; a bad one stops the process with its name.
 *  - AUDIT_SIGNING_KEY: the Ed25519 private key (PEM, base64 PEM, base64 PKCS#8 DER or base64 raw seed).
 *    Unset: a key generated on first start and kept under DATA_DIR/audit (embedded default only: a key
 *    beside the database it vouches for protects against accidents, not against its administrator).
 *  - AUDIT_CHECKPOINT_INTERVAL_SECONDS: how often a checkpoint is signed when the log has grown; 0 = never.
 *  - AUDIT_ORIGIN: the log's name in its signed notes (the first line of each, and the note key's name);
 *    `family-ledger/<city code>` unless given.
 */
import { join } from 'node:path';
import { ConfigError } from '../../config/config-error';
import { readEnv } from '../../config/env';
import { loadPrivateKey, SigningKeyError } from '../signing';

export type SigningKeySource = { kind: 'configured'; key: string } | { kind: 'generated'; path: string };

export interface CheckpointConfig {
  signingKey: SigningKeySource;
  intervalMs: number;
  origin: string;
}

/** The city's code (Yinchuan): the default log name. */
export const DEFAULT_ORIGIN = 'family-ledger/640100';

type Env = Record<string, string | undefined>;

export function loadCheckpointConfig(env: Env, dataDir: string): CheckpointConfig {
  const settings = readEnv(env);
  return {
    signingKey: signingKeySource(settings.AUDIT_SIGNING_KEY, dataDir),
    intervalMs: settings.AUDIT_CHECKPOINT_INTERVAL_SECONDS * 1000,
    origin: settings.AUDIT_ORIGIN ?? DEFAULT_ORIGIN,
  };
}

function signingKeySource(key: string | undefined, dataDir: string): SigningKeySource {
  if (!key) return { kind: 'generated', path: join(dataDir, 'audit', 'checkpoint-signing-key.pem') };
  try {
    loadPrivateKey(key);
  } catch (error) {
    if (error instanceof SigningKeyError) throw new ConfigError('AUDIT_SIGNING_KEY', 'is not an Ed25519 private key');
    throw error;
  }
  return { kind: 'configured', key };
}
