/**
 * The embedded default: an Ed25519 signing key pair kept under DATA_DIR/auth, created on first start, and
 * the tokens signed with it (the first administrator token, and `npm run token`). A deployment with an
 * identity provider configures AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE instead and never uses this.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { EMBEDDED_ISSUER } from './auth-config';
import { Role, Scope } from './principal';
import { writeFileOnce } from './write-once';

export interface SigningKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** True when this call created the pair (first start): the caller prints an administrator token. */
  created: boolean;
}

const PRIVATE_FILE = 'signing-key.pem';
const PUBLIC_FILE = 'signing-key.pub.pem';

export function generateSigningKeyPair(): Omit<SigningKeyPair, 'created'> {
  return generateKeyPairSync('ed25519');
}

/** Loads the pair from `dir`, creating it (private key readable by the owner only) when absent. */
export function ensureSigningKeyPair(dir: string): SigningKeyPair {
  const privatePath = join(dir, PRIVATE_FILE);
  let created = false;
  if (!existsSync(privatePath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const pem = generateSigningKeyPair().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    created = writeFileOnce(privatePath, pem);
  }
  const privateKey = createPrivateKey(readFileSync(privatePath));
  const publicKey = createPublicKey(privateKey);
  if (created) writeFileSync(join(dir, PUBLIC_FILE), publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKey, publicKey, created };
}

/** Loads an existing pair, for the token script; throws naming the directory when there is none. */
export function loadSigningKeyPair(dir: string): Omit<SigningKeyPair, 'created'> {
  const privatePath = join(dir, PRIVATE_FILE);
  if (!existsSync(privatePath)) throw new Error(`no signing key in ${dir}: start the service once (npm start) to create it`);
  const privateKey = createPrivateKey(readFileSync(privatePath));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

export interface TokenClaims {
  sub: string;
  roles: readonly Role[];
  ou: string;
  department?: string;
  scopes?: readonly Scope[];
}

export interface IssueOptions {
  /** Lifetime in seconds; negative gives an already expired token (for tests). */
  expiresInSeconds: number;
  issuer?: string;
  audience?: string;
}

export async function issueToken(privateKey: KeyObject, claims: TokenClaims, options: IssueOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({
    roles: [...claims.roles],
    ou: claims.ou,
    ...(claims.department !== undefined && { department: claims.department }),
    ...(claims.scopes?.length && { scope: claims.scopes.join(' ') }),
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(options.issuer ?? EMBEDDED_ISSUER)
    .setJti(randomUUID())
    .setIssuedAt(Math.min(now, now + options.expiresInSeconds - 1))
    .setExpirationTime(now + options.expiresInSeconds);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(privateKey);
}
