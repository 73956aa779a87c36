/**
 * Access-control settings, read from the environment and checked at start-up: a malformed setting stops
 * the process with a message that names it. With neither AUTH_JWKS_URL nor AUTH_PUBLIC_KEY_FILE the
 * service uses an embedded signing key kept under DATA_DIR/auth (see signing-keys.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';
import { readEnv } from '../config/env';

export type KeySource = { kind: 'jwks'; url: string } | { kind: 'public-key-file'; path: string } | { kind: 'embedded'; dir: string };

export interface AuthConfig {
  keys: KeySource;
  /** When set, a token's `iss` must equal it. Embedded tokens carry EMBEDDED_ISSUER. */
  issuer?: string;
  /** When set, a token's `aud` must include it. */
  audience?: string;
  clockToleranceSeconds: number;
  rateLimit: { requests: number; windowSeconds: number };
}

export const EMBEDDED_ISSUER = 'family-ledger';

type Env = Record<string, string | undefined>;

export function loadAuthConfig(env: Env, dataDir: string): AuthConfig {
  const settings = readEnv(env);
  const jwks = settings.AUTH_JWKS_URL;
  const file = settings.AUTH_PUBLIC_KEY_FILE;
  if (jwks && file) throw new ConfigError('AUTH_JWKS_URL', 'and AUTH_PUBLIC_KEY_FILE are both set; choose one');
  const keys: KeySource = jwks
    ? { kind: 'jwks', url: jwksUrl(jwks) }
    : file
      ? { kind: 'public-key-file', path: publicKeyFile(file) }
      : { kind: 'embedded', dir: join(dataDir, 'auth') };
  return {
    keys,
    issuer: settings.AUTH_ISSUER ?? (keys.kind === 'embedded' ? EMBEDDED_ISSUER : undefined),
    audience: settings.AUTH_AUDIENCE,
    clockToleranceSeconds: settings.AUTH_CLOCK_TOLERANCE_SECONDS,
    rateLimit: { requests: settings.RATE_LIMIT_REQUESTS, windowSeconds: settings.RATE_LIMIT_WINDOW_SECONDS },
  };
}

function jwksUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('AUTH_JWKS_URL', 'is not a URL');
  }
  // Keys fetched in the clear could be swapped on the way, and then any token would pass: http only on loopback.
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new ConfigError('AUTH_JWKS_URL', 'must start with https:// (http:// only for localhost)');
  return value;
}

function publicKeyFile(path: string): string {
  if (!existsSync(path)) throw new ConfigError('AUTH_PUBLIC_KEY_FILE', 'names a file that does not exist');
  try {
    const key = createPublicKey(readFileSync(path));
    if (key.type !== 'public') throw new Error('not public');
  } catch {
    throw new ConfigError('AUTH_PUBLIC_KEY_FILE', 'does not hold a PEM public key');
  }
  return path;
}
