/**
 * A restricted household's personal fields on the live SSE feed. Only an auditor who states a purpose may read
 * them (libs/personal-data): the live tail, shared by every stream (apps/api/src/feed/live-hub.ts), must not
 * decrypt them for everyone because the request that happened to start it was such an auditor's.
 */
import { randomBytes } from 'node:crypto';
import { FeedSessions } from '@apps/api/src/feed/feed.controller';
import { SseMessage } from '@apps/api/src/feed/sse';
import { openSse } from '@apps/api/src/feed/sse-client';
import { baseUrl, send } from './support/access-fixtures';
import { eventually, startTestApp, TestApp } from './support/test-app';

const NEED = `restricted need ${randomBytes(4).toString('hex')}`;

describe('the live feed of a restricted household', () => {
  let app: TestApp;
  let base: string;
  let admin: Record<string, string>;
  let householdId: string;

  beforeAll(async () => {
    app = await startTestApp();
    base = await baseUrl(app);
    admin = { Authorization: `Bearer ${await app.token('admin')}`, 'Content-Type': 'application/json' };
    const enrolled = await send(base, 'POST', '/households', {
      headers: admin,
      body: JSON.stringify({ villageCode: '640104001001', category: 'stable', members: 2, head: { name: 'Restricted Head' } }),
    });
    expect(enrolled.status).toBe(201);
    householdId = enrolled.json!.householdId as string;
    const restricted = await send(base, 'POST', `/households/${householdId}/restriction`, {
      headers: admin,
      body: JSON.stringify({ legalBasis: 'dispute-pending' }),
    });
    expect(restricted.status).toBe(200);
  });
  afterAll(async () => {
    await app.close();
  });

  /** Opens the feed's live tail of the household and collects its messages. */
  async function listen(headers: Record<string, string>) {
    const messages: SseMessage[] = [];
    const connection = await openSse(
      `${base}/feed?from=end&streams=household-${householdId}`,
      { message: (m) => messages.push(m) },
      undefined,
      {
        'X-Test-Anonymous': '1',
        ...headers,
      },
    );
    return { messages, close: () => connection.close() };
  }

  it("sends a pii subscriber [restricted] live, even when an auditor's stated purpose started the live tail", async () => {
    // The auditor's stream is the first one of this service: it starts the shared live subscription.
    const auditor = await listen({ Authorization: `Bearer ${await app.token('auditor')}`, 'X-Purpose': 'court request 2015-44' });
    await eventually(async () => expect(app.app.get(FeedSessions).active).toBe(1));
    const pii = await listen({ Authorization: `Bearer ${await app.token('subscriber', { scopes: ['pii'] })}` });
    await eventually(async () => expect(app.app.get(FeedSessions).active).toBe(2));

    const need = await send(base, 'POST', `/households/${householdId}/needs`, {
      headers: admin,
      body: JSON.stringify({ focusArea: 'health', kind: 'care', description: NEED }),
    });
    expect(need.status).toBe(201);
    await eventually(async () => expect([auditor.messages.length, pii.messages.length]).toEqual([1, 1]));
    auditor.close();
    pii.close();

    expect(JSON.parse(pii.messages[0].data).data.description).toBe('[restricted]');
    // The auditor with a purpose reads it live as it reads it in the history.
    expect(JSON.parse(auditor.messages[0].data).data.description).toBe(NEED);
  });
});
