import { mkdtempSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuthConfig } from './auth-config';
import { principalFromClaims } from './principal';

describe('access-control settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'auth-config-'));
  const pem = join(dir, 'public.pem');
  writeFileSync(pem, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));

  it('uses the embedded key under DATA_DIR when no key is configured', () => {
    expect(loadAuthConfig({}, '/var/lib/fl').keys).toEqual({ kind: 'embedded', dir: '/var/lib/fl/auth' });
  });

  it('takes a public key file or a JWKS URL', () => {
    expect(loadAuthConfig({ AUTH_PUBLIC_KEY_FILE: pem }, '.data').keys).toEqual({ kind: 'public-key-file', path: pem });
    expect(loadAuthConfig({ AUTH_JWKS_URL: 'https://idp.example/jwks.json' }, '.data').keys).toEqual({
      kind: 'jwks',
      url: 'https://idp.example/jwks.json',
    });
    expect(loadAuthConfig({ AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks.json' }, '.data').keys).toEqual({
      kind: 'jwks',
      url: 'http://127.0.0.1:8080/jwks.json',
    });
  });

  it.each([
    [{ AUTH_JWKS_URL: 'not a url' }, 'AUTH_JWKS_URL'],
    [{ AUTH_JWKS_URL: 'ftp://idp.example/jwks' }, 'AUTH_JWKS_URL'],
    [{ AUTH_JWKS_URL: 'http://idp.example/jwks' }, 'AUTH_JWKS_URL'],
    [{ AUTH_PUBLIC_KEY_FILE: '/no/such/file.pem' }, 'AUTH_PUBLIC_KEY_FILE'],
    [{ AUTH_PUBLIC_KEY_FILE: __filename }, 'AUTH_PUBLIC_KEY_FILE'],
    [{ AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_PUBLIC_KEY_FILE: 'x' }, 'AUTH_JWKS_URL'],
    [{ RATE_LIMIT_REQUESTS: 'many' }, 'RATE_LIMIT_REQUESTS'],
  ])('stops start-up on %j with a message naming %s', (env, setting) => {
    expect(() => loadAuthConfig(env, '.data')).toThrow(setting);
  });
});

describe('token claims', () => {
  it('reads the principal from valid claims', () => {
    expect(principalFromClaims({ sub: 'p-1', roles: ['provider'], ou: '640104', department: 'health', scope: 'pii other' })).toEqual({
      sub: 'p-1',
      roles: ['provider'],
      ou: '640104',
      department: 'health',
      scopes: ['pii'],
    });
  });

  it.each([
    [{ roles: ['admin'], ou: '640100' }, 'sub'],
    [{ sub: 'a', roles: [], ou: '640100' }, 'roles'],
    [{ sub: 'a', roles: ['king'], ou: '640100' }, 'roles'],
    [{ sub: 'a', roles: ['admin'], ou: '64' }, 'ou'],
    [{ sub: 'a b', roles: ['admin'], ou: '640100' }, 'sub'],
  ])('refuses %j naming the claim %s', (claims, claim) => {
    expect(() => principalFromClaims(claims)).toThrow(claim);
  });
});
