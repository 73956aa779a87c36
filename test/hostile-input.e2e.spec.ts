/**
 * Hostile input the schema alone does not catch (issue 21 items 5 to 8): JSON nested thousands deep, numbers
 * that parse to Infinity, NUL bytes PostgreSQL cannot store, prototype keys, a lower-case bearer scheme and
 * URLs longer than the server reads. Each is a 4xx problem naming what is wrong, never a 500, and nothing
 * is appended.
 */
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Answer, baseUrl, send } from './support/access-fixtures';
import { logLength, startTestApp, TestApp } from './support/test-app';

describe('hostile input', () => {
  let app: TestApp;
  let base: string;
  let admin: Record<string, string>;
  const household = randomUUID();
  const loanBody = (principal: string) =>
    `{"householdId":"${household}","borrowerGroup":"woman","programmeCode":"womens-micro-loan","principalFen":${principal},` +
    `"interestSubsidyBps":600,"termMonths":12,"lender":"Yinchuan Rural Credit Cooperative"}`;

  beforeAll(async () => {
    app = await startTestApp();
    base = await baseUrl(app);
    admin = { Authorization: `Bearer ${await app.token('admin')}`, 'Content-Type': 'application/json' };
    const enrolled = await post(
      '/households',
      JSON.stringify({ householdId: household, villageCode: '640104001001', category: 'stable', members: 3, head: { name: 'Ma Lan' } }),
    );
    expect(enrolled.status).toBe(201);
  });
  afterAll(async () => {
    await app.close();
  });

  function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
    return send(base, 'POST', path, { headers: { ...admin, ...headers }, body });
  }

  /** Sends, expects a problem with this status (and code), and that the log did not grow. */
  async function refused(sending: () => Promise<Answer>, status: number | number[], code?: string): Promise<Answer> {
    const before = await logLength(app);
    const answer = await sending();
    if (![status].flat().includes(answer.status))
      throw new Error(`expected ${String(status)}, got ${answer.status}: ${answer.body.slice(0, 300)}`);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    if (code) expect(answer.json?.code).toBe(code);
    expect(await logLength(app)).toBe(before);
    return answer;
  }

  const fields = (answer: Answer) => ((answer.json?.errors ?? []) as { field: string }[]).map((e) => e.field);

  describe('item 5: deep JSON is refused at parse time', () => {
    const deep = (levels: number) => `{"reason":${'['.repeat(levels)}${']'.repeat(levels)}}`;

    it.each([
      ['POST /households', () => '/households'],
      ['POST /households/{id}/withdrawal', () => `/households/${household}/withdrawal`],
      ['POST /cases', () => '/cases'],
      ['POST /consumer-groups/{name}/nack', () => '/consumer-groups/deep/nack'],
    ])('%s answers 400 json-too-deep for 10,000 levels, with and without an Idempotency-Key', async (_name, path) => {
      await refused(() => post(path(), deep(10_000)), 400, 'json-too-deep');
      await refused(() => post(path(), deep(10_000), { 'Idempotency-Key': randomUUID() }), 400, 'json-too-deep');
    });

    it('refuses deep objects as well as arrays, and deep strings of brackets inside a string are only text', async () => {
      await refused(() => post('/households', `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`), 400, 'json-too-deep');
      const answer = await refused(
        () => post(`/households/${household}/withdrawal`, JSON.stringify({ reason: '['.repeat(900), extra: 1 })),
        400,
        'invalid-request',
      );
      expect(fields(answer)).toEqual(['extra']);
    });
  });

  describe('item 6: numbers beyond the double range', () => {
    it.each([[{}], [{ 'Idempotency-Key': 'huge-number-1' }]])('answers 400 naming principalFen for 1e400 (headers %j)', async (headers) => {
      const answer = await refused(() => post('/loans', loanBody('1e400'), headers), 400, 'invalid-request');
      expect(fields(answer)).toContain('principalFen');
    });

    it('names a nested field holding -1e400', async () => {
      const body = `{"villageCode":"640104001001","category":"stable","members":3,"head":{"name":"Ma","age":-1e400}}`;
      const answer = await refused(() => post('/households', body, { 'Idempotency-Key': 'huge-number-2' }), 400, 'invalid-request');
      expect(fields(answer)).toContain('head.age');
    });
  });

  describe('item 7: NUL bytes never reach PostgreSQL', () => {
    it('refuses a NUL in a consumer-group nack reason with 400 naming reason', async () => {
      const subscriber = { Authorization: `Bearer ${await app.token('subscriber')}`, 'Content-Type': 'application/json' };
      expect((await send(base, 'PUT', '/consumer-groups/nul-group', { headers: subscriber, body: '{}' })).status).toBe(201);
      const claimed = await send(base, 'POST', '/consumer-groups/nul-group/claim', {
        headers: subscriber,
        body: JSON.stringify({ consumer: 'c1', max: 1 }),
      });
      const eventIds = (claimed.json?.events as { id: string }[]).map((e) => e.id);
      expect(eventIds).toHaveLength(1);
      const nack = JSON.stringify({ consumer: 'c1', eventIds, reason: 'handler\u0000failed' });
      const answer = await refused(
        () => send(base, 'POST', '/consumer-groups/nul-group/nack', { headers: subscriber, body: nack }),
        400,
        'invalid-request',
      );
      expect(fields(answer)).toEqual(['reason']);
    });

    it('refuses a NUL in any text field, nested or in an array, naming it', async () => {
      const withdrawal = await refused(
        () => post(`/households/${household}/withdrawal`, JSON.stringify({ reason: 'moved\u0000away' })),
        400,
        'invalid-request',
      );
      expect(fields(withdrawal)).toEqual(['reason']);
      const enrolment = JSON.stringify({ villageCode: '640104001001', category: 'stable', members: 3, head: { name: 'Ma\u0000Lan' } });
      expect(fields(await refused(() => post('/households', enrolment), 400))).toEqual(['head.name']);
      const groups = JSON.stringify({ filter: { types: ['LoanGranted', 'x\u0000'] } });
      expect(fields(await refused(() => send(base, 'PUT', '/consumer-groups/nul-filter', { headers: admin, body: groups }), 400))).toEqual([
        'filter.types.1',
      ]);
    });

    it('answers a NUL in a header with a 400 problem from the server, before any handler', async () => {
      const port = (app.http.address() as { port: number }).port;
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Actor: a\u0000b\r\n\r\n`));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 400 /);
      expect(raw).toContain('application/problem+json');
      expect(raw).toContain('"code":"malformed-request"');
    });

    it('refuses a NUL in a key, a query parameter or a path segment', async () => {
      await refused(
        () => post(`/households/${household}/withdrawal`, JSON.stringify({ reason: 'x', 'a\u0000': 1 })),
        400,
        'invalid-request',
      );
      await refused(() => send(base, 'GET', '/cases?district=6401%00', { headers: admin }), 400, 'invalid-request');
      await refused(
        () => send(base, 'GET', '/indicators/households-enrolled?ou=640104&pe=2012%00', { headers: admin }),
        400,
        'invalid-request',
      );
      await refused(() => send(base, 'GET', '/supervision/64%0004/compliance', { headers: admin }), 400, 'invalid-request');
      await refused(() => send(base, 'PUT', '/consumer-groups/a%00b', { headers: admin, body: '{}' }), 400, 'invalid-request');
    });
  });

  describe('item 8: prototype keys, the bearer scheme, long URLs', () => {
    it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key at the top and nested, naming it', async (key) => {
      const top = await refused(
        () => post(`/households/${household}/withdrawal`, `{"reason":"moved","${key}":{"admin":true}}`),
        400,
        'invalid-request',
      );
      expect(fields(top)).toEqual([key]);
      const nested = `{"villageCode":"640104001001","category":"stable","members":3,"head":{"name":"Ma","${key}":{"x":1}}}`;
      expect(fields(await refused(() => post('/households', nested), 400, 'invalid-request'))).toEqual([`head.${key}`]);
    });

    it('accepts the bearer scheme in any case', async () => {
      const token = await app.token('registrar');
      for (const scheme of ['bearer', 'BEARER', 'Bearer', 'bEaReR']) {
        const answer = await send(base, 'GET', `/households/${household}`, { headers: { Authorization: `${scheme} ${token}` } });
        expect([scheme, answer.status]).toEqual([scheme, 200]);
      }
    });

    it('answers a URL longer than the server reads with a problem, not a bare 431', async () => {
      for (const length of [9_000, 20_000, 70_000]) {
        const answer = await send(base, 'GET', `/cases?district=640104&x=${'a'.repeat(length)}`, { headers: admin });
        expect([length, [414, 431].includes(answer.status)]).toEqual([length, true]);
        expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(answer.json?.code).toMatch(/^(uri|headers)-too-long$/);
      }
      const before = await logLength(app);
      const long = await send(base, 'POST', `/households?x=${'a'.repeat(20_000)}`, { headers: admin, body: '{}' });
      expect(long.status).toBeGreaterThanOrEqual(400);
      expect(long.status).toBeLessThan(500);
      expect(await logLength(app)).toBe(before);
    });

    it('answers headers larger than the server reads with a problem 431', async () => {
      const answer = await send(base, 'GET', '/health', { headers: { 'X-Padding': 'p'.repeat(20_000) } });
      expect(answer.status).toBe(431);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.json?.code).toBe('headers-too-long');
    });
  });
});
