/**
 * Behind a proxy (TRUST_PROXY), each client is the address the proxy names in X-Forwarded-For: one client's
 * failed sign-ins throttle that client, not everyone the proxy serves. Without it, the header is not believed.
 */
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const LIMITED = { SIGN_IN_MAX_FAILURES_PER_CLIENT: '3', SIGN_IN_FAILURE_DELAY_MS: '0' };

async function failuresFrom(app: TestApp, address: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++)
    statuses.push(
      (
        await request(app.http)
          .post('/auth/sessions')
          .set('X-Forwarded-For', address)
          .send({ username: `nobody-${address}-${i}`, password: 'not the password' })
      ).status,
    );
  return statuses;
}

describe('client addresses behind a proxy', () => {
  it('throttles each forwarded client apart when the proxy is trusted', async () => {
    const app = await startTestApp({ env: { ...LIMITED, TRUST_PROXY: 'loopback' } });
    try {
      expect(await failuresFrom(app, '203.0.113.7', 4)).toEqual([401, 401, 401, 429]);
      expect(await failuresFrom(app, '198.51.100.9', 1)).toEqual([401]);
    } finally {
      await app.close();
    }
  });

  it('believes no X-Forwarded-For from an untrusted peer', async () => {
    const app = await startTestApp({ env: LIMITED });
    try {
      expect(await failuresFrom(app, '203.0.113.7', 3)).toEqual([401, 401, 401]);
      expect(await failuresFrom(app, '198.51.100.9', 1)).toEqual([429]);
    } finally {
      await app.close();
    }
  });
});
