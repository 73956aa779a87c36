/**
 * Idempotency keys are scoped to the actor, and to the token's subject when an administrator names another
 * actor (X-Actor): an administrator acting for clerk-7 neither replays nor blocks what another administrator,
 * acting for the same clerk, sent with the same key, and a retry by the same administrator still replays.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

describe('an Idempotency-Key sent by administrators acting for the same actor', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const enrol = async (subject: string, key: string) => {
    const token = await app.token('admin', { sub: subject });
    const answer = await request(app.http)
      .post('/households')
      .set({ Authorization: `Bearer ${token}`, 'X-Actor': 'clerk-7', 'Idempotency-Key': key })
      .send({ villageCode: '640105002001', category: 'stable', members: 2, head: { name: 'Na Ying' }, enrolmentYear: 2012 })
      .expect(201);
    return answer.body.householdId as string;
  };

  it("executes each administrator's request once, and replays only the same administrator's retry", async () => {
    const key = randomUUID();
    const byMa = await enrol('admin-ma', key);
    const byLi = await enrol('admin-li', key);
    expect(byLi).not.toBe(byMa);
    expect(await enrol('admin-ma', key)).toBe(byMa);
    const enrolled = await Promise.all([byMa, byLi].map((id) => app.runtime.eventStore.readStream(`household-${id}`)));
    expect(enrolled.map((events) => events.map((e) => e.metadata.authenticatedAs))).toEqual([['admin-ma'], ['admin-li']]);
  });
});
