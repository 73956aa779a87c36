/**
 * The master key that wraps every household's data key: PII_MASTER_KEY (base64 of 32 bytes), or for the
 * embedded default a key created under DATA_DIR/pii on first start. Losing it loses all personal data;
 * leaking it exposes all of it, so the file is readable by its owner only.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config';
import { writeFileOnce } from '../auth/write-once';

export interface MasterKey {
  key: Buffer;
  source: 'PII_MASTER_KEY' | 'file';
  /** The file it came from or was written to (file source only). */
  path?: string;
}

type Env = Record<string, string | undefined>;

export function parseMasterKey(text: string, setting = 'PII_MASTER_KEY'): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new ConfigError(setting, 'must be base64 of 32 bytes');
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new ConfigError(setting, `must be base64 of 32 bytes (it decodes to ${key.length})`);
  return key;
}

export function loadMasterKey(env: Env, dataDir: string): MasterKey {
  const configured = env.PII_MASTER_KEY;
  if (configured !== undefined && configured.trim() !== '') return { key: parseMasterKey(configured), source: 'PII_MASTER_KEY' };
  const dir = join(dataDir, 'pii');
  const path = join(dir, 'master.key');
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileOnce(path, `${randomBytes(32).toString('base64')}\n`);
  }
  return { key: parseMasterKey(readFileSync(path, 'utf8'), `the master key file ${path}`), source: 'file', path };
}
