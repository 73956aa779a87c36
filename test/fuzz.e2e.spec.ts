/**
 * Property-based fuzzing of every endpoint (fast-check): random and malformed bodies, headers, tokens and
 * path segments. Whatever arrives, the service answers below 500, no refusal repeats personal data
 * (neither what was sent nor what is stored), and a refused request appends nothing to the log.
 */
import fc from 'fast-check';
import { RegisteredRoute } from '@apps/api/src/auth/routes';
import { apiRoutes, baseUrl, concretePath, createFixtures, Fixtures, policyOf, scopeBody, send } from './support/access-fixtures';
import { eventually, logLength, startTestApp, TestApp } from './support/test-app';

const SENT = { name: 'Fuzz Secret Name', idNumber: '640104199003077718', phone: '13800138000', story: 'fuzz diabetes story' };
const STORED = { head: 'Stored Fuzz Person', need: 'stored fuzz need for dialysis' };
const SECRETS = [...Object.values(SENT), ...Object.values(STORED)];

const visible = fc.string({
  unit: fc.constantFrom(...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~'.split('')),
  maxLength: 80,
});
const segment = fc.oneof(
  visible.filter((s) => s.length > 0 && !s.includes('/') && !s.includes('?') && !s.includes('#')),
  fc.constantFrom('..', '%', '%zz', '%00', '%2F', 'null', '-1', '0', '9'.repeat(40), 'x'.repeat(300), '640104', 'household-', '%E4%B8%AD'),
);
const personalBody = fc.record(
  {
    head: fc.record({ name: fc.constant(SENT.name), idNumber: fc.constant(SENT.idNumber), phone: fc.constant(SENT.phone) }),
    description: fc.constant(SENT.story),
    reason: fc.constant(SENT.story),
    villageCode: fc.oneof(fc.constant('640104001001'), visible),
    members: fc.oneof(fc.integer(), fc.double(), visible),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }),
  personalBody.map((b) => JSON.stringify(b)),
  fc
    .tuple(personalBody, fc.dictionary(visible, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }))
    .map(([a, b]) => JSON.stringify({ ...b, ...a })),
  fc.constantFrom('{', '[]', 'null', '"x"', '{"a":', '\u0000', `{"head":{"name":"${SENT.name}"}`, '{"__proto__":{"admin":true}}'),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/merge-patch+json',
  'text/plain',
  'application/json; charset=latin1',
  'multipart/form-data',
  'x/y',
);
const optionalHeader = (name: string, values: fc.Arbitrary<string>) =>
  fc.option(
    values.map((v) => [name, v] as const),
    { nil: undefined },
  );

describe('fuzzing every endpoint', () => {
  let app: TestApp;
  let base: string;
  let fixtures: Fixtures;
  let tokens: string[];

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    base = await baseUrl(app);
    fixtures = await createFixtures(app, base, STORED);
    tokens = await Promise.all([
      app.token('admin'),
      app.token('admin'),
      app.token('registrar', { ou: '640104' }),
      app.token('auditor'),
      app.token('analyst', { ou: '640105' }),
    ]);
    await eventually(async () => {
      const health = await send(base, 'GET', '/health');
      expect(JSON.parse(health.body).projections.every((p: { eventsBehind: number }) => p.eventsBehind === 0)).toBe(true);
    });
  });
  afterAll(async () => {
    await app.close();
  });

  const requestFor = (route: RegisteredRoute) =>
    fc.record({
      path: fc.oneof(
        fc.constant(concretePath(route, fixtures)),
        // Replaces some segments after the first (the surface name stays, so the route is still reached).
        fc.array(fc.option(segment, { nil: undefined }), { minLength: 6, maxLength: 6 }).map((parts) =>
          concretePath(route, fixtures)
            .split('/')
            .map((part, index) => (index > 1 && parts[index] !== undefined ? parts[index] : part))
            .join('/'),
        ),
      ),
      query: fc.option(
        fc.dictionary(
          fc.constantFrom('from', 'limit', 'ou', 'by', 'pe', 'types', 'streams', 'district', 'asOf', 'revision', 'x'),
          visible,
          { maxKeys: 3 },
        ),
        { nil: undefined },
      ),
      authorization: fc.oneof(
        fc.constantFrom(0, 1, 2, 3, 4).map((i) => `Bearer ${tokens[i]}`),
        fc.constantFrom('', 'Bearer', 'Bearer a.b.c', 'Basic eA==', `Bearer ${'a'.repeat(5000)}`),
        visible.map((v) => `Bearer ${v}`),
      ),
      body,
      headers: fc.tuple(
        optionalHeader('content-type', contentType),
        optionalHeader('if-match', fc.oneof(visible, fc.constantFrom('"0"', '"-1"', '"99999999999999999999"', '*'))),
        optionalHeader('idempotency-key', visible),
        optionalHeader('x-purpose', visible),
        optionalHeader('x-actor', visible),
        optionalHeader('last-event-id', visible),
        optionalHeader('x-correlation-id', visible),
      ),
    });

  type Sample = ReturnType<typeof requestFor> extends fc.Arbitrary<infer T> ? T : never;
  const statuses = new Map<number, number>();

  async function check(route: RegisteredRoute, sample: Sample): Promise<void> {
    const headers: Record<string, string> = { authorization: sample.authorization, 'content-type': 'application/json' };
    for (const header of sample.headers) if (header) headers[header[0]] = header[1];
    const query = sample.query ? `?${new URLSearchParams(sample.query).toString()}` : '';
    const before = await logLength(app);
    const answer = await send(base, route.method, `${sample.path}${query}`, {
      headers,
      body: route.method === 'GET' || route.method === 'HEAD' ? undefined : sample.body,
    });
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    const context = `${route.method} ${sample.path}${query} -> ${answer.status} ${answer.body.slice(0, 300)}`;
    expect([context, answer.status < 500]).toEqual([context, true]);
    if (answer.status >= 400) {
      expect([context, SECRETS.filter((secret) => answer.body.includes(secret))]).toEqual([context, []]);
      expect([context, await logLength(app)]).toEqual([context, before]);
    }
  }

  it('answers every endpoint below 500, with no personal data in a refusal and nothing appended', async () => {
    for (const route of apiRoutes(app)) {
      await fc.assert(
        fc.asyncProperty(requestFor(route), (sample) => check(route, sample)),
        { numRuns: 25 },
      );
    }
    // The fuzz reached past the guard into the handlers, and was refused there too.
    const seen = [...statuses.keys()];
    expect(seen).toEqual(expect.arrayContaining([200, 400, 401, 403, 404]));
  }, 300_000);

  it('answers random paths and methods below 500', async () => {
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS');
    await fc.assert(
      fc.asyncProperty(method, fc.array(segment, { minLength: 1, maxLength: 5 }), async (verb, parts) => {
        const path = `/${parts.join('/')}`;
        const answer = await send(base, verb, path, {
          headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/json' },
          body: verb === 'GET' ? undefined : '{}',
        });
        expect([path, answer.status < 500]).toEqual([path, true]);
      }),
      { numRuns: 200 },
    );
  });

  /**
   * The bad-input sweep of issue 21, kept as a test: every POST, PUT and DELETE endpoint with each hostile
   * body (with and without an Idempotency-Key, for a whole-city and a scoped token), and every indicator
   * parameter with each hostile value. No answer is a 5xx, and no refused request appends anything.
   */
  it('answers the hostile-input sweep of every write endpoint and indicator parameter with no 5xx and nothing appended', async () => {
    const fields = [
      'reason',
      'description',
      'villageCode',
      'members',
      'principalFen',
      'amountFen',
      'consumer',
      'eventIds',
      'supervisorId',
      'findings',
      'summary',
      'to',
    ];
    const each = (value: string) => `{${fields.map((f) => `"${f}":${value}`).join(',')}}`;
    const hostileBodies: [string, (base: Record<string, unknown>) => string][] = [
      ['10,000 levels deep', () => `{"reason":${'['.repeat(10_000)}${']'.repeat(10_000)}}`],
      ['100,000 levels deep', () => `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
      ['1e400 everywhere', (b) => `${JSON.stringify(b).slice(0, -1)}${Object.keys(b).length ? ',' : ''}${each('1e400').slice(1)}`],
      [
        '-1e400 nested',
        (b) => JSON.stringify({ ...b, head: { name: 'x' }, evidence: [{ reference: 'r' }] }).replace('"r"}', '"r","n":-1e400}'),
      ],
      ['NUL in every text', (b) => JSON.stringify({ ...b, ...Object.fromEntries(fields.map((f) => [f, 'a\u0000b'])) })],
      ['NUL in a key', (b) => JSON.stringify({ ...b, 'k\u0000': 1 })],
      ['huge strings', (b) => JSON.stringify({ ...b, ...Object.fromEntries(fields.slice(0, 4).map((f) => [f, 'x'.repeat(15_000)])) })],
      [
        'wrong types',
        (b) => JSON.stringify({ ...b, ...Object.fromEntries(fields.map((f, i) => [f, [{}, [], null, true, -1, 'x'][i % 6]])) }),
      ],
      ['__proto__', (b) => `{"__proto__":{"admin":true},${JSON.stringify(b).slice(1)}`],
      ['constructor', (b) => JSON.stringify({ ...b, constructor: { prototype: { admin: true } } })],
      ['a bare number', () => '1e400'],
      ['a NUL string', () => '"\u0000"'],
    ];
    const answers = new Map<number, number>();
    const failures: string[] = [];
    const judge = async (label: string, sending: () => Promise<{ status: number; body: string }>) => {
      const before = await logLength(app);
      const answer = await sending();
      answers.set(answer.status, (answers.get(answer.status) ?? 0) + 1);
      if (answer.status >= 500) failures.push(`${label} -> ${answer.status} ${answer.body.slice(0, 200)}`);
      else if (answer.status >= 400 && (await logLength(app)) !== before) failures.push(`${label} -> ${answer.status} but appended`);
    };
    const writes = apiRoutes(app).filter((route) => ['POST', 'PUT', 'DELETE'].includes(route.method));
    for (const route of writes) {
      const path = concretePath(route, fixtures);
      for (const [name, hostile] of hostileBodies) {
        for (const [who, token] of [
          ['admin', tokens[0]],
          ['scoped', tokens[2]],
        ]) {
          for (const key of [undefined, `sweep-${route.method}-${path}-${name}-${who}`.slice(0, 200).replace(/[^\x21-\x7e]/g, '_')]) {
            const headers: Record<string, string> = {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              ...(key ? { 'idempotency-key': key } : {}),
            };
            await judge(`${route.method} ${path} ${name} ${who}${key ? ' keyed' : ''}`, () =>
              send(base, route.method, path, { headers, body: hostile(scopeBody(policyOf(route), fixtures)) }),
            );
          }
        }
      }
    }
    const hostileValues = [
      '%00',
      'a%00b',
      '1e400',
      'x'.repeat(6_000),
      '__proto__',
      'constructor',
      '[]',
      '{}',
      '-1',
      '640104;640104;640104',
      '2012%3A2099',
      '%E4%B8%AD',
      '640104%00',
    ];
    const catalogue = await send(base, 'GET', '/indicators', { headers: { authorization: `Bearer ${tokens[0]}` } });
    const names = (catalogue.json!.indicators as { name: string }[]).map((indicator) => indicator.name);
    for (const indicator of names) {
      for (const parameter of ['ou', 'level', 'pe', 'by', 'format', '__proto__', 'ou[a]']) {
        for (const value of hostileValues) {
          for (const token of [tokens[0], tokens[4]]) {
            const path = `/indicators/${indicator}?ou=${parameter === 'ou' ? value : '640105'}&${parameter}=${value}&${parameter}=${value}`;
            await judge(`GET ${path.slice(0, 120)}`, () => send(base, 'GET', path, { headers: { authorization: `Bearer ${token}` } }));
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Reached the handlers and was refused there, for each kind of refusal.
    expect([...answers.keys()]).toEqual(expect.arrayContaining([400, 403, 404]));
  }, 600_000);
});
