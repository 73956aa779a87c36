/**
 * W3C Trace Context end to end: a command's traceparent is kept on its events and carried to the feed,
 * consumer groups and the projector, with OpenTelemetry spans (recorded here by the SDK's in-memory exporter).
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { startTracing } from '@libs/observability/tracing';
import { eventually, startTestApp, TestApp } from './support/test-app';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${CALLER_SPAN}-01`;
const W3C = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

const household = () => ({
  householdId: randomUUID(),
  villageCode: '640104001001',
  category: 'developing',
  members: 4,
  head: { name: 'Ma Lan' },
  enrolmentYear: 2012,
});

describe('traces', () => {
  const spans = new InMemorySpanExporter();
  const tracing = startTracing({ serviceName: 'family-ledger-test', spanProcessors: [new SimpleSpanProcessor(spans)] });
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
  });
  afterAll(async () => {
    await app.close();
    await tracing.shutdown();
  });

  const enrol = async (headers: Record<string, string>) => {
    const body = household();
    await request(app.http).post('/households').set(headers).send(body).expect(201);
    const [event] = await app.runtime.eventStore.readStream(`household-${body.householdId}`);
    return event;
  };

  it('keeps the caller traceparent and tracestate in the metadata of the events the command appends', async () => {
    const event = await enrol({ traceparent: TRACEPARENT, tracestate: 'ledger=t61rcWkgMzE' });
    expect(event.metadata).toMatchObject({ traceparent: TRACEPARENT, tracestate: 'ledger=t61rcWkgMzE' });
  });

  it('starts a new trace for a command without one, and for a malformed one (never refused, as W3C requires)', async () => {
    const fresh = await enrol({});
    const malformed = await enrol({ traceparent: `00-${'0'.repeat(32)}-${CALLER_SPAN}-01`, tracestate: 'a=b' });
    for (const event of [fresh, malformed]) expect(event.metadata.traceparent).toMatch(W3C);
    expect(malformed.metadata.traceparent).not.toContain('0'.repeat(32));
    expect(malformed.metadata.tracestate).toBeUndefined();
    expect(fresh.metadata.traceparent).not.toBe(malformed.metadata.traceparent);
  });

  it('records the append as a child span of the caller, and the projection batch linked to its trace', async () => {
    spans.reset();
    await enrol({ traceparent: TRACEPARENT });
    const append = spans.getFinishedSpans().find((span) => span.name === 'eventstore.append');
    expect(append?.spanContext().traceId).toBe(TRACE_ID);
    expect(append?.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(append?.attributes).toMatchObject({ 'eventstore.stream.category': 'household', 'eventstore.events': 1 });
    const batch = await eventually(async () => {
      const found = spans
        .getFinishedSpans()
        .find((span) => span.name === 'projection.batch' && span.links.some((link) => link.context.traceId === TRACE_ID));
      if (!found) throw new Error('no projection batch linked to the trace yet');
      return found;
    });
    expect(batch.attributes['projection.name']).toEqual(expect.any(String));
  });

  it('carries the traceparent to the feed pages and to consumer-group deliveries', async () => {
    const event = await enrol({ traceparent: TRACEPARENT });
    const subscriber = { Authorization: `Bearer ${await app.token('subscriber')}` };
    // The feed is gap-safe, not read-your-writes: while a transaction that began before the enrolment's commit
    // is still open (the projector making its copies as the app starts), the page stops below it.
    const first = await eventually(async () => {
      const page = await request(app.http).get(`/feed/events?streams=${event.stream}`).set(subscriber).expect(200);
      expect(page.body.events).toHaveLength(1);
      return page.body.events[0];
    });
    expect(first.metadata.traceparent).toBe(TRACEPARENT);
    const group = `traces-${randomUUID()}`.slice(0, 40);
    const filter = { types: ['HouseholdEnrolled'], streams: [event.stream] };
    await request(app.http).put(`/consumer-groups/${group}`).set(subscriber).send({ filter, from: 'start' }).expect(201);
    const delivered = await eventually(async () => {
      const claim = await request(app.http).post(`/consumer-groups/${group}/claim`).set(subscriber).send({ consumer: 'c1', max: 5 });
      expect(claim.body.events).toHaveLength(1);
      return claim.body.events[0];
    });
    expect(delivered.metadata.traceparent).toBe(TRACEPARENT);
  });
});
