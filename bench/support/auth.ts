/**
 * Settings and bearer tokens for an in-process API in a benchmark: a fresh Ed25519 key pair whose public
 * half the app trusts, admin tokens signed with the private half, a throwaway master key, and a rate limit
 * high enough not to be what is measured.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';

const ISSUER = 'family-ledger-bench';

export interface BenchAuth {
  env: Record<string, string>;
  authorization: string;
  /**
   * Another administrator's: whoever reports a rectification may not also judge it, under any name
   * (libs/domain/accountability-case/authority.ts), so a bench's unit reports with a token of its own.
   */
  secondAuthorization: string;
}

export async function benchAuth(): Promise<BenchAuth> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const dir = mkdtempSync(join(tmpdir(), 'family-ledger-bench-auth-'));
  const file = join(dir, 'public.pem');
  writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
  const now = Math.floor(Date.now() / 1000);
  const tokenOf = (subject: string) =>
    new SignJWT({ roles: ['admin'], ou: '640100', scope: 'pii' })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(ISSUER)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + 86_400)
      .sign(privateKey);
  const [token, second] = await Promise.all([tokenOf('bench-admin'), tokenOf('bench-admin-2')]);
  return {
    env: {
      AUTH_PUBLIC_KEY_FILE: file,
      AUTH_ISSUER: ISSUER,
      PII_MASTER_KEY: randomBytes(32).toString('base64'),
      RATE_LIMIT_REQUESTS: '10000000',
      DATA_DIR: dir,
    },
    authorization: `Bearer ${token}`,
    secondAuthorization: `Bearer ${second}`,
  };
}
