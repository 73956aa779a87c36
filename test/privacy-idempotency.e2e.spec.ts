/**
 * Stored idempotent answers and personal data: a subscriber with the `pii` scope claims from a consumer
 * group with an Idempotency-Key. The stored answer must not hold the personal fields in the clear, the
 * replay after the household's erasure must show none of them (expiry: libs/idempotency/idempotency-store.int.spec.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const tag = randomBytes(4).toString('hex');
const SECRETS = { name: `Ma Guilan ${tag}`, phone: `139${tag.replace(/[a-f]/g, '7')}`.slice(0, 11) };

describe('idempotent answers and personal data', () => {
  let app: TestApp;
  let pii: string;
  const householdId = randomUUID();

  /** A fresh group over the household's stream, so each test claims its events anew. */
  async function newGroup(): Promise<string> {
    const group = `idem-pii-${randomUUID().slice(0, 8)}`;
    await request(app.http)
      .put(`/consumer-groups/${group}`)
      .send({ filter: { streams: [`household-${householdId}`] } })
      .expect(201);
    return group;
  }

  /** Every row of the idempotency store, as text. */
  const storedAnswers = async () =>
    ((await app.runtime.dataSource.query(`SELECT t::text AS row FROM idempotency.keys t`)) as { row: string }[])
      .map((r) => r.row)
      .join('\n');
  const claim = (group: string, key: string, token = pii) =>
    request(app.http)
      .post(`/consumer-groups/${group}/claim`)
      .set('Authorization', token)
      .set('Idempotency-Key', key)
      .send({ consumer: 'c1', max: 10 });

  beforeAll(async () => {
    app = await startTestApp();
    pii = `Bearer ${await app.token('subscriber', { scopes: ['pii'] })}`;
    await request(app.http)
      .post('/households')
      .send({
        householdId,
        villageCode: '640104001001',
        category: 'developing',
        members: 3,
        head: { name: SECRETS.name, phone: SECRETS.phone },
      })
      .expect(201);
  });
  afterAll(() => app.close());

  it('keeps no personal data in the clear in the stored answer, and replays it to the entitled caller', async () => {
    const group = await newGroup();
    const key = randomUUID();
    const first = await claim(group, key).expect(200);
    expect(JSON.stringify(first.body)).toContain(SECRETS.name);
    const stored = await storedAnswers();
    expect(stored).toContain(first.body.events[0].id);
    expect(stored).not.toContain(SECRETS.name);
    expect(stored).not.toContain(SECRETS.phone);
    const again = await claim(group, key).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    // The same subject retrying with a token that lost the scope gets the answer without the fields.
    const plain = await claim(group, key, `Bearer ${await app.token('subscriber')}`).expect(200);
    expect(plain.headers['idempotent-replayed']).toBe('true');
    expect(JSON.stringify(plain.body)).not.toContain(SECRETS.name);
  });

  it('replays no personal data once the household is erased', async () => {
    const group = await newGroup();
    const key = randomUUID();
    const before = await claim(group, key).expect(200);
    expect(JSON.stringify(before.body)).toContain(SECRETS.phone);
    await request(app.http).post(`/households/${householdId}/erasure`).send({ legalBasis: 'purpose-achieved' }).expect(200);
    const replayed = await claim(group, key).expect(200);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body.events.map((e: { id: string }) => e.id)).toEqual(before.body.events.map((e: { id: string }) => e.id));
    const text = JSON.stringify(replayed.body);
    expect(text).not.toContain(SECRETS.name);
    expect(text).not.toContain(SECRETS.phone);
    expect(await storedAnswers()).not.toContain(SECRETS.name);
  });
});
