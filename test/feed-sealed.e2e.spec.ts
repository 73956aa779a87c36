/**
 * A feed reader without the `pii` scope reads the log sealed: its personal fields are removed before sending,
 * so the catch-up looks up no data key and decrypts nothing, and the ciphertext is removed as the plaintext
 * was. Its own app: the live hub, which decrypts for every subscriber, must not have started before.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventToAppend } from '@libs/event-store';
import { CIPHER_PREFIX } from '@libs/personal-data';
import { SseMessage } from '@apps/api/src/feed/sse';
import { openSse } from '@apps/api/src/feed/sse-client';
import { startTestApp, storeWithoutSchemaCheck, TestApp } from './support/test-app';

const enrolment = (householdId: string): EventToAppend => ({
  id: randomUUID(),
  type: 'HouseholdEnrolled',
  data: { householdId, head: { name: 'Sealed Name', phone: '13900000001' }, members: 2, enrolmentYear: 2012, batch: 1 },
  metadata: { actor: 'feed-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
});

describe('the feed for a reader without the pii scope', () => {
  let app: TestApp;
  let base: string;

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.http.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app.close();
  });

  async function first(url: string, headers: Record<string, string>): Promise<SseMessage> {
    let received: (message: SseMessage) => void = () => undefined;
    const message = new Promise<SseMessage>((resolve) => (received = resolve));
    const connection = await openSse(url, { message: (m) => received(m) }, undefined, headers);
    try {
      return await message;
    } finally {
      connection.close();
    }
  }

  it('catches up without a key look-up or personal fields, sealed or not, where a pii reader has them decrypted', async () => {
    const householdId = randomUUID();
    const stream = `household-${householdId}`;
    await storeWithoutSchemaCheck(app).appendToStream(stream, [enrolment(householdId)]);
    const [stored] = await app.runtime.rawEventStore.readStream(stream);
    expect(JSON.stringify(stored.data)).toContain(CIPHER_PREFIX); // the log holds the name encrypted
    const lookUps = jest.spyOn(app.runtime.security.dataKeys, 'states');
    try {
      const subscriber = { Authorization: `Bearer ${await app.token('subscriber')}` };
      const sealed = await first(`${base}/feed?streams=${stream}`, subscriber);
      const page = await request(app.http).get(`/feed/events?streams=${stream}`).set(subscriber).expect(200);
      for (const data of [JSON.parse(sealed.data).data, page.body.events[0].data])
        expect(data).toEqual({ householdId, members: 2, enrolmentYear: 2012, batch: 1 });
      expect(sealed.data + JSON.stringify(page.body)).not.toMatch(/Sealed Name|13900000001|pii1\./);
      expect(lookUps).not.toHaveBeenCalled();

      const pii = { Authorization: `Bearer ${await app.token('subscriber', { scopes: ['pii'] })}` };
      const opened = await first(`${base}/feed?streams=${stream}`, pii);
      expect(JSON.parse(opened.data).data.head).toEqual({ name: 'Sealed Name', phone: '13900000001' });
      expect(lookUps).toHaveBeenCalled();
    } finally {
      lookUps.mockRestore();
    }
  });
});
