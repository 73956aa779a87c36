/**
 * The first administrator: on a service's first start (no user account at all) an `admin` account is
 * made with a generated password, written once to the console and to DATA_DIR/auth/first-admin.txt
 * (mode 0600), so whoever started the service can sign in and then make the real accounts.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CITY } from '../auth/principal';
import { generatePassword } from './passwords';
import { AccountError, Users } from './users';

export const FIRST_ADMIN = 'admin';

/** True when this call made the account (and printed how to sign in). */
export async function ensureFirstAdmin(users: Users, dataDir: string, print: (line: string) => void = console.log): Promise<boolean> {
  if ((await users.count()) > 0) return false;
  const password = generatePassword();
  try {
    await users.create({ username: FIRST_ADMIN, password, displayName: '系统管理员 Administrator', roles: ['admin'], ou: CITY });
  } catch (error) {
    // Another process starting at the same time made it first.
    if (error instanceof AccountError && error.code === 'user-exists') return false;
    throw error;
  }
  const dir = join(dataDir, 'auth');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'first-admin.txt');
  writeFileSync(file, `username: ${FIRST_ADMIN}\npassword: ${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  print(
    `\nCreated the first user account. Sign in at the web app (or POST /auth/sessions) as:\n\n  username: ${FIRST_ADMIN}\n  password: ${password}\n\n(shown once; also in ${file}, mode 0600). More users: npm run user -- add --username wang --role analyst --ou 640104\n`,
  );
  return true;
}
