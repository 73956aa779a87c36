/**
 * Verifies bearer JWTs against the configured keys with `jose`: signature (asymmetric algorithms only,
 * never `none` or a shared secret), expiry, issuer and audience when configured, then the claims.
 */
import { createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRemoteJWKSet, errors, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AuthConfig } from './auth-config';
import { ClaimsError, Principal, principalFromClaims } from './principal';
import { VerifiedTokens } from './verified-tokens';

export type TokenFailure = 'expired' | 'bad-signature' | 'malformed' | 'bad-claims' | 'keys-unavailable';

export class TokenError extends Error {
  constructor(readonly reason: TokenFailure) {
    super(`bearer token rejected: ${reason}`);
    this.name = 'TokenError';
  }
}

export type TokenVerifier = (token: string) => Promise<Principal>;

const ASYMMETRIC = ['EdDSA', 'Ed25519', 'ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

function algorithmsFor(key: KeyObject): string[] {
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return ['EdDSA', 'Ed25519'];
    case 'ec':
      return ['ES256', 'ES384', 'ES512'];
    case 'rsa':
    case 'rsa-pss':
      return ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
    default:
      throw new Error(`unsupported public key type ${key.asymmetricKeyType}`);
  }
}

/** A verifier for the configured key source; the embedded source passes the public key it loaded. */
export function createTokenVerifier(config: AuthConfig, embeddedPublicKey?: KeyObject, verified = new VerifiedTokens()): TokenVerifier {
  let key: KeyObject | JWTVerifyGetKey;
  let algorithms: string[];
  if (config.keys.kind === 'jwks') {
    key = createRemoteJWKSet(new URL(config.keys.url));
    algorithms = ASYMMETRIC;
  } else {
    const publicKey = config.keys.kind === 'public-key-file' ? createPublicKey(readFileSync(config.keys.path)) : embeddedPublicKey;
    if (!publicKey) throw new Error('the embedded key source needs the public key it created');
    key = publicKey;
    algorithms = algorithmsFor(publicKey);
  }
  const options = {
    algorithms,
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: config.clockToleranceSeconds,
    requiredClaims: ['exp', 'sub'],
  };
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    try {
      const { payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
      return verified.remember(token, principalFromClaims(payload as Record<string, unknown>), payload.exp!);
    } catch (error) {
      throw new TokenError(failureOf(error));
    }
  };
}

function failureOf(error: unknown): TokenFailure {
  if (error instanceof ClaimsError) return 'bad-claims';
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'bad-signature';
  if (error instanceof errors.JWTClaimValidationFailed) return 'bad-claims';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'keys-unavailable';
  if (error instanceof errors.JOSEError) return 'malformed';
  // fetch failures of a remote key set arrive as plain TypeErrors (by name: they may come from another realm).
  if ((error as Error | undefined)?.name === 'TypeError' && /fetch/i.test((error as Error).message)) return 'keys-unavailable';
  return 'malformed';
}
