/** Restriction (storage only): the key is kept, but only an auditor who states a purpose can read the fields. */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { baseUrl, createFixtures, Fixtures } from './support/access-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const NAME = `Restricted Person ${randomBytes(4).toString('hex')}`;

describe('restricting a household', () => {
  let app: TestApp;
  let fixtures: Fixtures;
  let history: (headers?: Record<string, string>) => Promise<string>;

  beforeAll(async () => {
    app = await startTestApp();
    fixtures = await createFixtures(app, await baseUrl(app), { head: NAME, need: 'restricted need' });
    history = async (headers = {}) =>
      JSON.stringify(
        (await request(app.http).get(`/audit/streams/household-${fixtures.householdId}/history`).set(headers).expect(200)).body,
      );
  });
  afterAll(async () => {
    await app.close();
  });

  it('seals the personal fields for everyone but an auditor with a stated purpose, and lifts', async () => {
    await request(app.http).post(`/households/${fixtures.householdId}/restriction`).send({ legalBasis: 'dispute-pending' }).expect(200);
    const auditor = { Authorization: `Bearer ${await app.token('auditor', { sub: 'auditor-9' })}` };
    expect(await history()).toContain('[restricted]');
    expect(await history()).not.toContain(NAME);
    expect(await history({ 'X-Purpose': 'admins may not' })).not.toContain(NAME);
    expect(await history(auditor)).not.toContain(NAME);
    expect(await history({ ...auditor, 'X-Purpose': 'court request 2015-44' })).toContain(NAME);
    const logged = await app.runtime.dataSource.query(`SELECT purpose FROM personal_data.access_log WHERE actor = 'auditor-9' ORDER BY id`);
    expect(logged.map((r: { purpose: string | null }) => r.purpose)).toEqual([null, 'court request 2015-44']);

    await request(app.http).delete(`/households/${fixtures.householdId}/restriction`).expect(200);
    expect(await history()).toContain(NAME);
    const again = await request(app.http).delete(`/households/${fixtures.householdId}/restriction`).expect(409);
    expect(again.body.code).toBe('not-restricted');
  });
});
