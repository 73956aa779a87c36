/**
 * Two consumers share a group while writers append: a stream is never held by both at once, each stream's
 * events are processed in order, refusals are redelivered in order, and every event is processed once.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventToAppend } from '@libs/event-store';
import { startTestApp, TestApp, storeWithoutSchemaCheck } from './support/test-app';

const event = (type: string, data: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'groups-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
});

function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

interface Delivered {
  id: string;
  stream: string;
  revision: string;
}

describe('a consumer group shared by two consumers', () => {
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

  it('gives each stream to one consumer at a time, in order, and every event is processed exactly once', async () => {
    const tag = randomUUID().slice(0, 8);
    const group = `ordering-${tag}`;
    const streams = Array.from({ length: 6 }, (_, i) => `loan${tag}-${i}`);
    await request(base)
      .put(`/consumer-groups/${group}`)
      .send({ filter: { streams: [`loan${tag}-`] }, maxDeliveries: 100 })
      .expect(201);
    const next = random(7);
    const perStream = 25;
    const writers = streams.map(async (stream) => {
      for (let written = 0; written < perStream; written += 5) {
        await storeWithoutSchemaCheck(app).appendToStream(
          stream,
          Array.from({ length: 5 }, (_, i) => event('LoanRepaymentRecorded', { n: written + i })),
        );
      }
    });

    const holder = new Map<string, string>(); // stream -> consumer the test believes holds it
    const processed = new Map<string, number>(); // stream -> last revision processed
    const processedIds: string[] = [];
    const processedBy: Record<string, number> = { alpha: 0, beta: 0 };
    const violations: string[] = [];
    const total = streams.length * perStream;

    async function consume(consumer: string): Promise<void> {
      for (let idle = 0; processedIds.length < total && idle < 400;) {
        const { body } = await request(base)
          .post(`/consumer-groups/${group}/claim`)
          .send({ consumer, max: 1 + Math.floor(next() * 6) })
          .expect(200);
        const events: Delivered[] = body.events;
        if (events.length === 0) {
          idle += 1;
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        for (const { stream } of events) {
          const other = holder.get(stream);
          if (other !== undefined && other !== consumer) violations.push(`${stream} delivered to ${consumer} while ${other} held it`);
          holder.set(stream, consumer);
        }
        const acked: string[] = [];
        const refused: string[] = [];
        const failed = new Set<string>();
        for (const delivered of events) {
          if (failed.has(delivered.stream)) continue; // released by the refusal, to come again in order
          if (next() < 0.1) {
            refused.push(delivered.id);
            failed.add(delivered.stream);
            continue;
          }
          const expected = (processed.get(delivered.stream) ?? -1) + 1;
          if (Number(delivered.revision) !== expected)
            violations.push(`${delivered.stream}: got revision ${delivered.revision}, expected ${expected}`);
          processed.set(delivered.stream, Number(delivered.revision));
          processedIds.push(delivered.id);
          processedBy[consumer] += 1;
          acked.push(delivered.id);
        }
        // Let go before acknowledging: once the ack commits, the other consumer may rightly take the stream.
        for (const { stream } of events) holder.delete(stream);
        if (acked.length > 0) await request(base).post(`/consumer-groups/${group}/ack`).send({ consumer, eventIds: acked }).expect(200);
        if (refused.length > 0)
          await request(base)
            .post(`/consumer-groups/${group}/nack`)
            .send({ consumer, eventIds: refused, reason: 'simulated failure' })
            .expect(200);
      }
    }

    await Promise.all([consume('alpha'), consume('beta'), ...writers]);
    expect(violations).toEqual([]);
    expect(processedBy.alpha).toBeGreaterThan(0);
    expect(processedBy.beta).toBeGreaterThan(0);
    const logged = await app.runtime.eventStore.readAll({ filter: { streamPrefixes: [`loan${tag}-`] } });
    expect([...processedIds].sort()).toEqual(logged.map((e) => e.id).sort());
    expect(new Set(processedIds).size).toBe(total);
    expect(Object.fromEntries(processed)).toEqual(Object.fromEntries(streams.map((s) => [s, perStream - 1])));
  });
});
