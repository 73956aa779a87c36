/**
 * Settings of the checkpoint writer, checked at start-up; a bad one stops the process with its name.
 *  - AUDIT_SIGNING_KEY: the Ed25519 private key (PEM, base64 PEM, base64 PKCS#8 DER or base64 raw seed).
 *    Unset: a key generated on first start and kept under DATA_DIR/audit (embedded default only: a key
 *    beside the database it vouches for protects against accidents, not against its administrator).
 *  - AUDIT_CHECKPOINT_INTERVAL_SECONDS: how often a checkpoint is signed when the log has grown; 0 = never.
 */
import { join } from 'node:path';
import { ConfigError } from '../../config/config';
import { loadPrivateKey, SigningKeyError } from '../signing';

export type SigningKeySource = { kind: 'configured'; key: string } | { kind: 'generated'; path: string };

export interface CheckpointConfig {
  signingKey: SigningKeySource;
  intervalMs: number;
}

type Env = Record<string, string | undefined>;

export const DEFAULT_CHECKPOINT_INTERVAL_SECONDS = 300;

export function loadCheckpointConfig(env: Env, dataDir: string): CheckpointConfig {
  return { signingKey: signingKeySource(env, dataDir), intervalMs: intervalSeconds(env) * 1000 };
}

function signingKeySource(env: Env, dataDir: string): SigningKeySource {
  const key = env.AUDIT_SIGNING_KEY?.trim();
  if (!key) return { kind: 'generated', path: join(dataDir, 'audit', 'checkpoint-signing-key.pem') };
  try {
    loadPrivateKey(key);
  } catch (error) {
    if (error instanceof SigningKeyError) throw new ConfigError('AUDIT_SIGNING_KEY', 'is not an Ed25519 private key');
    throw error;
  }
  return { kind: 'configured', key };
}

function intervalSeconds(env: Env): number {
  const raw = env.AUDIT_CHECKPOINT_INTERVAL_SECONDS?.trim();
  if (!raw) return DEFAULT_CHECKPOINT_INTERVAL_SECONDS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 86_400) {
    throw new ConfigError('AUDIT_CHECKPOINT_INTERVAL_SECONDS', 'must be an integer from 0 to 86400');
  }
  return value;
}
