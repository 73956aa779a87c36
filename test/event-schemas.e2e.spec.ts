/**
 * The published event schemas over HTTP, open like the OpenAPI document; and the running service's store
 * refuses an event that breaks its schema even when it comes from inside (here, a caller of the port).
 */
import { randomUUID } from 'node:crypto';
import Ajv from 'ajv';
import request from 'supertest';
import { logLength, startTestApp, TestApp } from './support/test-app';

describe('published event schemas', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('lists every type and version, each served as a JSON Schema without a token', async () => {
    const { body } = await request(app.http).get('/schemas/events').set('authorization', '').expect(200);
    expect(body.schemas).toContainEqual({
      type: 'HouseholdEnrolled',
      version: 1,
      current: false,
      href: '/schemas/events/HouseholdEnrolled/1',
    });
    expect(body.schemas).toContainEqual({
      type: 'HouseholdEnrolled',
      version: 2,
      current: true,
      href: '/schemas/events/HouseholdEnrolled/2',
    });
    for (const { href } of body.schemas) {
      const schema = await request(app.http)
        .get(href)
        .set('authorization', '')
        .expect(200)
        .expect('content-type', /application\/schema\+json/);
      expect(new Ajv({ strict: false }).validateSchema(JSON.parse(schema.text))).toBe(true);
    }
  });

  it('serves the AsyncAPI document of the feed, groups and relay without a token', async () => {
    const { body } = await request(app.http).get('/asyncapi.json').set('authorization', '').expect(200);
    expect(body).toMatchObject({ asyncapi: '3.0.0', channels: { feed: { address: '/feed' } } });
  });

  it('answers 404 problem+json for an unknown type or version', async () => {
    const missing = await request(app.http).get('/schemas/events/HouseholdEnrolled/9').expect(404);
    expect(missing.body).toMatchObject({ code: 'event-schema-not-found' });
    await request(app.http).get('/schemas/events/NoSuchEvent/1').expect(404);
    await request(app.http).get('/schemas/events/HouseholdEnrolled/one').expect(404);
  });

  it('validates what the service appends: an event enrolled through the API fits its schema, one that breaks it is not written', async () => {
    const before = await logLength(app);
    const householdId = randomUUID();
    await request(app.http)
      .post('/households')
      .send({ householdId, villageCode: '640104001001', category: 'stable', members: 3, head: { name: 'Ma Lan' } })
      .expect(201);
    expect(await logLength(app)).toBe(before + 1);
    const broken = {
      id: randomUUID(),
      type: 'HouseholdEnrolled',
      data: { householdId, villageCode: '640104001001', category: 'stable', members: 3 },
      metadata: { actor: 't', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString() },
    };
    await expect(app.runtime.eventStore.appendToStream(`household-${randomUUID()}`, [broken])).rejects.toThrow(
      /HouseholdEnrolled v2: data must have required property/,
    );
    expect(await logLength(app)).toBe(before + 1);
  });
});
