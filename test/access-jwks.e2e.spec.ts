/** An identity provider's key set (AUTH_JWKS_URL) instead of the embedded key: its tokens pass, others do not. */
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK } from 'jose';
import request from 'supertest';
import { generateSigningKeyPair, issueToken } from '@libs/auth';
import { startTestApp, TestApp } from './support/test-app';

describe('tokens from a JWKS URL', () => {
  const provider = generateSigningKeyPair();
  let jwks: Server;
  let app: TestApp;
  let down: TestApp;

  beforeAll(async () => {
    const jwk = { ...(await exportJWK(provider.publicKey)), kid: 'idp-1', alg: 'EdDSA', use: 'sig' };
    jwks = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    app = await startTestApp({ env: { AUTH_JWKS_URL: url, AUTH_PUBLIC_KEY_FILE: '', AUTH_ISSUER: 'https://idp.example' } });
    down = await startTestApp({
      env: { AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json', AUTH_PUBLIC_KEY_FILE: '', AUTH_ISSUER: 'https://idp.example' },
    });
  });
  afterAll(async () => {
    await app.close();
    await down.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const token = (issuer = 'https://idp.example') =>
    issueToken(provider.privateKey, { sub: 'analyst-9', roles: ['analyst'], ou: '640100' }, { expiresInSeconds: 600, issuer });

  it('accepts a token signed by a key of the set', async () => {
    await request(app.http)
      .get('/indicators')
      .set('Authorization', `Bearer ${await token()}`)
      .expect(200);
  });

  it('refuses a token of another issuer, and one signed by the embedded test key', async () => {
    await request(app.http)
      .get('/indicators')
      .set('Authorization', `Bearer ${await token('https://evil.example')}`)
      .expect(401);
    await request(app.http)
      .get('/indicators')
      .set('Authorization', `Bearer ${await app.token('analyst')}`)
      .expect(401);
  });

  it('answers 503, not 401, when the key set cannot be fetched', async () => {
    const response = await request(down.http)
      .get('/indicators')
      .set('Authorization', `Bearer ${await token()}`)
      .expect(503);
    expect(response.body.code).toBe('auth-keys-unavailable');
  });
});
