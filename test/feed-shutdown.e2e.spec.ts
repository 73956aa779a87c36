/**
 * The SSE feed while the service stops. Nest ends the shared live subscription (LiveHub.onModuleDestroy) before
 * it closes the HTTP server, which waits for every open response: a stream still catching up then, which reached
 * the live tail afterwards, started the hub again and stayed open, and the service never stopped. Each stream
 * must end instead, with its `retry:` hint, and resume on another instance.
 */
import { randomUUID } from 'node:crypto';
import { LiveHub } from '@apps/api/src/feed/live-hub';
import { SseMessage } from '@apps/api/src/feed/sse';
import { openSse, SseConnection } from '@apps/api/src/feed/sse-client';
import { baseUrl } from './support/access-fixtures';
import { toAppend } from '@projections/shared/testing/harness';
import { eventually, startTestApp, storeWithoutSchemaCheck, TestApp } from './support/test-app';

const event = () => toAppend('LoanRepaid', {}, new Date().toISOString());

describe('the feed while the service stops', () => {
  let app: TestApp;
  let base: string;

  beforeEach(async () => {
    app = await startTestApp();
    base = await baseUrl(app);
  });
  afterEach(async () => {
    await app.close();
  });

  const open = async (headers: Record<string, string>) => {
    const messages: SseMessage[] = [];
    const connection = await openSse(`${base}/feed?from=end`, { message: (m) => messages.push(m) }, undefined, {
      'X-Test-Anonymous': '1',
      ...headers,
    });
    return { messages, connection };
  };

  /** How the stream ended, or that an event appended after the hub closed reached it live. */
  async function outcome({ messages, connection }: { messages: SseMessage[]; connection: SseConnection }) {
    await storeWithoutSchemaCheck(app).appendToStream(`loan-${randomUUID()}`, [event()]);
    const received = eventually(async () => expect(messages).toHaveLength(1)).then(() => 'received live');
    const result = await Promise.race([connection.done, received]);
    connection.close();
    return result;
  }

  it('ends a stream that reaches the live tail after the live subscription was closed, instead of starting it again', async () => {
    const hub = app.app.get(LiveHub);
    await hub.onModuleDestroy();
    const stream = await open({ Authorization: `Bearer ${await app.token('subscriber')}` });
    // Caught up (or ended) before the append: an event its catch-up read would prove nothing.
    await Promise.race([stream.connection.done, eventually(async () => expect(hub.following).toBe(1))]);
    expect(await outcome(stream)).toBe('ended');
  });

  it('ends a stream that reads the live tail itself (an auditor with a stated purpose) when the live subscription closes', async () => {
    const stream = await open({ Authorization: `Bearer ${await app.token('auditor')}`, 'X-Purpose': 'court request 2015-44' });
    const hub = app.app.get(LiveHub);
    await eventually(async () => expect(hub.following).toBe(1));
    await hub.onModuleDestroy();
    expect(await outcome(stream)).toBe('ended');
  });
});
