/**
 * Authentication for end-to-end tests. One Ed25519 key pair per test process is trusted by every app it
 * starts (AUTH_PUBLIC_KEY_FILE), and requests that carry no Authorization header get an admin token, so
 * suites about other things need not know about access control. A test about tokens sets its own
 * header, or `X-Test-Anonymous: 1` to send none at all.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CITY, generateSigningKeyPair, issueToken, Role, Scope } from '@libs/auth';
import { TestDatabase } from '@libs/testing/test-database';

const pair = generateSigningKeyPair();
const publicKeyFile = join(mkdtempSync(join(tmpdir(), 'family-ledger-test-auth-')), 'public.pem');
writeFileSync(publicKeyFile, pair.publicKey.export({ type: 'spki', format: 'pem' }));

// Failed sign-ins wait before they are answered; suites that send wrong passwords by the dozen (fuzzing)
// need not. test/auth-sessions.e2e.spec.ts sets its own.
process.env.SIGN_IN_FAILURE_DELAY_MS ??= '0';

/** A key pair no test app trusts, for wrongly signed tokens. */
export const untrustedKey = generateSigningKeyPair().privateKey;

export const TEST_ISSUER = 'family-ledger';

/**
 * Settings for a test app: the process's public key, and a master key derived from the database name so
 * that a restarted app on the same database can still unwrap its data keys.
 */
export function testSecurityEnv(database: TestDatabase): Record<string, string> {
  return {
    AUTH_PUBLIC_KEY_FILE: publicKeyFile,
    AUTH_ISSUER: TEST_ISSUER,
    PII_MASTER_KEY: createHash('sha256').update(`test-master-key:${database.name}`).digest('base64'),
    // Wrapping keys per database (a restart on it finds them), out of the worktree.
    PII_KEY_DIR: join(tmpdir(), 'family-ledger-test-keys', database.name),
    RATE_LIMIT_REQUESTS: '1000000',
  };
}

export interface TokenOptions {
  ou?: string;
  sub?: string;
  department?: string;
  scopes?: Scope[];
  /** Negative for an expired token. */
  expiresInSeconds?: number;
}

export type TestTokens = (roles: Role | Role[], options?: TokenOptions) => Promise<string>;

export const testTokens: TestTokens = (roles, options = {}) => {
  const list = Array.isArray(roles) ? roles : [roles];
  return issueToken(
    pair.privateKey,
    {
      sub: options.sub ?? `test-${list.join('-')}`,
      roles: list,
      ou: options.ou ?? CITY,
      department: options.department,
      scopes: options.scopes,
    },
    { expiresInSeconds: options.expiresInSeconds ?? 3600, issuer: TEST_ISSUER },
  );
};

/**
 * Wraps the server's request listener: no Authorization header, an admin token with the pii scope. Not
 * for a request with a session cookie: that is the browser's, or the server's own read for a page it
 * renders (apps/api's web-app-render.ts), authenticated by the cookie alone as in production.
 */
export async function authenticateByDefault(server: Server): Promise<void> {
  const admin = `Bearer ${await testTokens('admin', { sub: 'test-admin', scopes: ['pii'], expiresInSeconds: 86_400 })}`;
  const listeners = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers['x-test-anonymous'] !== undefined) delete request.headers['x-test-anonymous'];
    else if (request.headers.authorization === undefined && !/(?:^|;\s*)fl_session=/.test(request.headers.cookie ?? ''))
      request.headers.authorization = admin;
    for (const listener of listeners) listener(request, response);
  });
}
