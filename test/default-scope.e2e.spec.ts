/**
 * A scoped caller that names no org unit is answered for its own scope (the README's analyst example:
 * a token issued with `--ou 640104`, then `?by=category`), never refused as if it had asked for the city.
 */
import request from 'supertest';
import { referenceNames } from '@libs/reference-data/names';
import { baseUrl, createFixtures, IN_DISTRICT, OUT_DISTRICT } from './support/access-fixtures';
import { eventually, startTestApp, TestApp } from './support/test-app';

describe('the default org unit of a scoped caller', () => {
  let app: TestApp;
  const path = '/indicators/households-enrolled?by=category';

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    await createFixtures(app, await baseUrl(app), { head: 'Default Scope', need: 'a need' });
    await eventually(async () =>
      expect((await request(app.http).get(`${path}&ou=${IN_DISTRICT}`).expect(200)).body.rows.length).toBeGreaterThan(0),
    );
  });
  afterAll(async () => {
    await app.close();
  });

  const as = async (ou: string, query = path) =>
    request(app.http)
      .get(query)
      .set('Authorization', `Bearer ${await app.token('analyst', { ou })}`);

  it('answers an analyst of 640104 who names no ou for 640104, as if it had named it', async () => {
    const implicit = await as(IN_DISTRICT);
    const explicit = await as(IN_DISTRICT, `${path}&ou=${IN_DISTRICT}`);
    expect(implicit.status).toBe(200);
    expect(implicit.body.orgUnit).toBe(IN_DISTRICT);
    expect(implicit.body.rows).toEqual(explicit.body.rows);
  });

  it("answers another district's analyst for its own district, not for the city", async () => {
    const { status, body } = await as(OUT_DISTRICT);
    expect(status).toBe(200);
    expect(body.orgUnit).toBe(OUT_DISTRICT);
  });

  it('still refuses a scoped caller that names a place outside its scope', async () => {
    const { status, body } = await as(OUT_DISTRICT, `${path}&ou=${IN_DISTRICT}`);
    expect([status, body.code]).toEqual([403, 'out-of-scope']);
  });

  it('refuses it the same when it names that place by name, in either language, as for its code', async () => {
    const inDistrict = referenceNames.orgUnit(IN_DISTRICT)!.name;
    for (const name of [inDistrict['zh-CN'], inDistrict.en, inDistrict.en.toUpperCase()]) {
      const { status, body } = await as(OUT_DISTRICT, `${path}&ou=${encodeURIComponent(name)}`);
      expect([name, status, body.code, JSON.stringify(body.rows ?? [])]).toEqual([name, 403, 'out-of-scope', '[]']);
    }
    // Its own district by name is answered as by code.
    const own = referenceNames.orgUnit(OUT_DISTRICT)!.name['zh-CN'];
    const byName = await as(OUT_DISTRICT, `${path}&ou=${encodeURIComponent(own)}`);
    expect([byName.status, byName.body.orgUnit]).toEqual([200, OUT_DISTRICT]);
  });
});
