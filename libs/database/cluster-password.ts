/**
 * The embedded cluster's superuser password: generated on first start and kept beside the cluster in
 * `<cluster>.password` (0600), so that psql and BI tools can connect and no built-in default opens it.
 * A cluster created before this file existed has the old fixed password; it is changed to a generated one
 * on its next start (written to `.pending` first, so a crash between the change and the rename loses
 * nothing: every candidate is tried when connecting).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { SUPERUSER } from './pg-cluster';

/** What clusters made by earlier versions were initialised with. */
const LEGACY_PASSWORD = 'postgres';

export function passwordFile(dataDir: string): string {
  return `${dataDir}.password`;
}

export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

function read(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
}

/** The password a new cluster is created with, written before initdb runs. */
export function newClusterPassword(dataDir: string): string {
  const password = read(passwordFile(dataDir)) ?? generatePassword();
  writeFileSync(passwordFile(dataDir), `${password}\n`, { mode: 0o600 });
  return password;
}

/** Finds the password that opens the running cluster and, if it is the legacy one, replaces it. */
export async function settlePassword(dataDir: string, port: number): Promise<string> {
  const file = passwordFile(dataDir);
  const candidates = [read(file), read(`${file}.pending`), LEGACY_PASSWORD].filter((p): p is string => p !== undefined);
  let lastError: unknown;
  for (const password of [...new Set(candidates)]) {
    const client = new Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      await client.end().catch(() => undefined);
      if ((error as { code?: string }).code !== '28P01') throw error;
      continue;
    }
    try {
      if (password === read(file)) return password;
      const fresh = read(`${file}.pending`) === password ? password : generatePassword();
      writeFileSync(`${file}.pending`, `${fresh}\n`, { mode: 0o600 });
      if (fresh !== password) await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${client.escapeLiteral(fresh)}`);
      renameSync(`${file}.pending`, file);
      return fresh;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`no known password opens the embedded PostgreSQL in ${dataDir} (tried ${file}): ${(lastError as Error)?.message}`);
}
