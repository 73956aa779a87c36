/**
 * Hostile query input on the feed and consumer-group routes: positions out of range, negative, fractional
 * and enormous limits, cursors this service never handed out, repeated parameters, unknown event types.
 * Each is a 4xx problem, never a 500, and changes nothing: the log and the group stay as they were.
 */
import { randomUUID } from 'node:crypto';
import { Answer, baseUrl, send } from './support/access-fixtures';
import { logLength, startTestApp, storeWithoutSchemaCheck, TestApp } from './support/test-app';

const BEYOND_BIGINT = '9223372036854775808';

describe('hostile queries on the feed and consumer groups', () => {
  let app: TestApp;
  let base: string;
  let subscriber: Record<string, string>;
  const group = `hostile-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    app = await startTestApp();
    base = await baseUrl(app);
    subscriber = { Authorization: `Bearer ${await app.token('subscriber')}`, 'Content-Type': 'application/json' };
    const metadata = { actor: 'hostile-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2026-01-01T00:00:00Z' };
    await storeWithoutSchemaCheck(app).appendToStream(`loan-${randomUUID()}`, [
      { id: randomUUID(), type: 'LoanGranted', data: {}, metadata },
      { id: randomUUID(), type: 'LoanRepaid', data: {}, metadata },
    ]);
    const created = await send(base, 'PUT', `/consumer-groups/${group}`, { headers: subscriber, body: '{"maxDeliveries":2}' });
    expect(created.status).toBe(201);
    // One event leased, so that a refused ack or nack would show as a changed count.
    const claimed = await send(base, 'POST', `/consumer-groups/${group}/claim`, { headers: subscriber, body: '{"consumer":"c","max":1}' });
    expect(claimed.json?.events).toHaveLength(1);
  });
  afterAll(async () => {
    await app.close();
  });

  const groupState = async () => (await send(base, 'GET', `/consumer-groups/${group}`, { headers: subscriber })).body;

  /** Sends, and expects a 4xx problem+json that left the log and the group unchanged. */
  async function refused(method: string, path: string, options: { body?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    const [log, state] = [await logLength(app), await groupState()];
    const answer = await send(base, method, path, { headers: { ...subscriber, ...options.headers }, body: options.body });
    const context = `${method} ${path} ${options.body ?? ''} -> ${answer.status} ${answer.body.slice(0, 200)}`;
    expect([context, answer.status >= 400 && answer.status < 500]).toEqual([context, true]);
    expect([context, answer.headers.get('content-type')]).toEqual([context, expect.stringMatching(/^application\/problem\+json/)]);
    expect([await logLength(app), await groupState()]).toEqual([log, state]);
    return answer;
  }

  it.each([
    `from=${BEYOND_BIGINT}`,
    'from=-1',
    'from=1/',
    'from=%201%2F2%2F3',
    'from=START',
    'limit=-1',
    'limit=0',
    'limit=1001',
    'limit=1e3',
    'limit=0x10',
    'limit=%205',
    'limit=99999999999999999999999',
    'limit=5&limit=6',
    'limit[]=5',
    'streams[a]=loan-',
    'type=LoanGranted',
    `minPosition=${BEYOND_BIGINT}`,
    'minPosition=-1',
    'minPosition=abc',
    'types=',
    `types=${'A'.repeat(101)}`,
    'types=NoSuchEvent',
    'types=LoanGranted,LoanGrantd',
    // Each prefix is tested against every row read: the groups' filters take at most 100.
    `streams=${Array.from({ length: 101 }, (_, i) => `loan-${i}`).join(',')}`,
  ])('refuses /feed/events?%s', async (query) => {
    await refused('GET', `/feed/events?${query}`);
  });

  it.each([
    `from=${BEYOND_BIGINT}`,
    'from=-5',
    'types=NoSuchEvent',
    'streams=a%00b',
    `streams=${Array.from({ length: 101 }, (_, i) => `p${i}`).join(',')}`,
  ])('refuses /feed?%s before streaming', async (query) => {
    await refused('GET', `/feed?${query}`);
  });

  it.each([BEYOND_BIGINT, '-1', '1/-1', 'null'])('refuses /feed with Last-Event-ID %j', async (lastEventId) => {
    await refused('GET', '/feed', { headers: { 'Last-Event-ID': lastEventId } });
  });

  it.each([
    ['PUT', '', '{"from":"9999999999999999999"}'],
    ['PUT', '', '{"from":-1}'],
    ['PUT', '', '{"maxDeliveries":0}'],
    ['PUT', '', '{"maxDeliveries":2.5}'],
    ['PUT', '', '{"leaseMs":1e100}'],
    ['PUT', '', '{"leaseMs":"30000"}'],
    ['PUT', '', '{"filter":[]}'],
    ['PUT', '', '{"filter":{"types":"LoanGranted"}}'],
    ['PUT', '', '{"filter":{"types":["NoSuchEvent"]}}'],
    ['PUT', '', '{"filter":{"streams":[""]}}'],
    ['POST', '/claim', '{"consumer":"c","max":0}'],
    ['POST', '/claim', '{"consumer":"c","max":-1}'],
    ['POST', '/claim', '{"consumer":"c","max":1001}'],
    ['POST', '/claim', '{"consumer":"c","max":1e308}'],
    ['POST', '/claim', '{"consumer":"c","max":"5"}'],
    ['POST', '/claim', '{"consumer":"","max":1}'],
    ['POST', '/claim', `{"consumer":"${'c'.repeat(65)}","max":1}`],
    ['POST', '/ack', '{"consumer":"c","eventIds":[]}'],
    ['POST', '/ack', '{"consumer":"c","eventIds":["not-a-uuid"]}'],
    ['POST', '/ack', '{"consumer":"c","eventIds":[null]}'],
    ['POST', '/ack', `{"consumer":"c","eventIds":${JSON.stringify(Array.from({ length: 1001 }, () => randomUUID()))}}`],
    ['POST', '/nack', '{"consumer":"c","eventIds":["00000000-0000-4000-8000-000000000000"],"reason":""}'],
    ['POST', '/nack', '{"consumer":"c","eventIds":["00000000-0000-4000-8000-000000000000"]}'],
    ['POST', '/parked/replay', '{"eventIds":[]}'],
    ['POST', '/parked/replay', '{"eventIds":"all"}'],
  ])('refuses %s /consumer-groups/{name}%s %s', async (method, suffix, body) => {
    // PUT on the group that exists: a refused redefinition must not change its settings either.
    await refused(method, `/consumer-groups/${group}${suffix}`, { body });
  });

  it.each(['limit=-1', 'limit=0', 'limit=1001', 'limit=1.5', 'limit=abc', 'limit=1&limit=2', 'limit[]=5', 'limit=1e3', 'lmit=5'])(
    'refuses /consumer-groups/{name}/parked?%s',
    async (query) => {
      await refused('GET', `/consumer-groups/${group}/parked?${query}`);
    },
  );

  it('refuses a parameter the parked route does not read, naming it as the feed does', async () => {
    const answer = await refused('GET', `/consumer-groups/${group}/parked?limit=5&max=5`);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'invalid-query', parameter: 'max', detail: '"max" is not a parameter of this route: limit' });
    const feed = await refused('GET', '/feed/events?max=5');
    expect(feed.json).toMatchObject({ code: 'invalid-query', parameter: 'max' });
  });

  // A parameter these routes do not read was dropped without a word: `claim?max=1` leased a whole batch.
  it.each([
    ['GET', '', undefined],
    ['PUT', '', '{"maxDeliveries":2}'],
    ['DELETE', '', undefined],
    ['POST', '/claim', '{"consumer":"c2","max":1}'],
    ['POST', '/ack', '{"consumer":"c","eventIds":["00000000-0000-4000-8000-000000000000"]}'],
    ['POST', '/nack', '{"consumer":"c","eventIds":["00000000-0000-4000-8000-000000000000"],"reason":"r"}'],
    ['POST', '/parked/replay', '{}'],
  ])('refuses a query parameter that %s /consumer-groups/{name}%s does not read', async (method, suffix, body) => {
    const answer = await refused(method, `/consumer-groups/${group}${suffix}?max=1`, { body });
    expect(answer.json).toMatchObject({ code: 'invalid-query', parameter: 'max' });
  });

  it.each([
    'limit=-1',
    'limit=0',
    'limit=1001',
    'cursor=!!!',
    `cursor=${Buffer.from('{}').toString('base64url')}`,
    `cursor=${Buffer.from('[1]').toString('base64url')}`,
    `cursor=${Buffer.from('"x"').toString('base64url')}`,
    `cursor=${'A'.repeat(401)}`,
  ])('refuses /consumer-groups?%s', async (query) => {
    await refused('GET', `/consumer-groups?${query}`);
  });

  it.each([`${'g'.repeat(65)}`, '.hidden', 'a%2Fb', 'a%20b'])('refuses the group name %s', async (name) => {
    await refused('GET', `/consumer-groups/${name}`);
    await refused('POST', `/consumer-groups/${name}/claim`, { body: '{"consumer":"c","max":1}' });
  });
});
