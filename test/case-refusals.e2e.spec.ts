/**
 * What the write side once took on accountability cases though nothing stood behind it: a case opened in a
 * district the city does not have, a criticism citing a bulletin never issued (or another district's). Each is
 * refused with a problem naming the field or the rule; nothing is appended. And the auditor's replay to a
 * revision the case has not reached, once answered with the latest state under that revision.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { seedBulletin } from './support/seeded-bulletin';
import { logLength, startTestApp, TestApp } from './support/test-app';

const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
const opening = (districtCode: string) => ({
  caseId: randomUUID(),
  subjectUnit: 'unit-7',
  districtCode,
  grounds: ['delayed'],
  evidence: [{ reference: 'visit-201203', description: 'forms three months late' }],
  reason: 'found on the March visit',
  occurredAt: '2012-03-10T02:00:00Z',
});

describe('opening a case', () => {
  let app: TestApp;
  const open = (body: object) => request(app.http).post('/cases').set(OFFICE).send(body);

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it.each([
    ['a district of another city', '110101'],
    ['a county code the city does not have', '640199'],
    ['the city itself', '640100'],
  ])('refuses %s, naming districtCode, and appends nothing', async (_label, districtCode) => {
    const before = await logLength(app);
    const body = opening(districtCode);
    const response = await open(body);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'invalid-request' });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'districtCode', rule: 'invalid' })]);
    expect(await logLength(app)).toBe(before);
    await request(app.http).get(`/cases/${body.caseId}`).expect(404);
  });

  it('opens one in each of the districts and counties of the city', async () => {
    for (const districtCode of ['640104', '640105', '640106', '640121', '640122', '640181']) await open(opening(districtCode)).expect(201);
  });

  it('refuses a replay to a revision the case has not reached, naming revision, and replays every one it has', async () => {
    const body = opening('640104');
    await open(body).expect(201);
    const read = (revision: number) => request(app.http).get(`/cases/${body.caseId}?revision=${revision}`);
    const beyond = await read(1);
    expect({ status: beyond.status, code: beyond.body.code }).toEqual({ status: 400, code: 'invalid-request' });
    expect(beyond.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(beyond.body.errors).toEqual([expect.objectContaining({ field: 'revision' })]);
    expect((await read(0).expect(200)).body).toMatchObject({ revision: 0, eventsFolded: 1, currentRevision: 0 });
  });

  /** A city bulletin as its event records one, put straight into the city's supervision stream. */
  async function seedCityBulletin(bulletinId: string) {
    const document = { pdfSha256: '0'.repeat(64), xlsxSha256: '0'.repeat(64), asOf: '0', layout: 'bulletin-pack/1', scorecard: null };
    const data = {
      bulletinId,
      issuedBy: 'city-office-1',
      period: '201201B',
      kind: 'criticism',
      units: ['640104'],
      summary: 's',
      issuedAt: '2012-03-06T02:00:00Z',
      document,
    };
    const metadata = { actor: 'city-office-1', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: data.issuedAt };
    await app.runtime.eventStore.appendToStream('supervision-640100', [{ id: randomUUID(), type: 'CityBulletinIssued', data, metadata }]);
  }

  it("refuses a criticism citing a bulletin never issued, or another district's, and takes one of the case's district or the city's", async () => {
    const OTHER = '640105';
    for (const districtCode of ['640104', OTHER])
      await request(app.http)
        .post(`/supervision/${districtCode}/assignment`)
        .set(OFFICE)
        .send({ supervisorId: `sup-${districtCode}`, reason: 'order 12', occurredAt: '2012-01-01T02:00:00Z' })
        .expect(200);
    const bulletin = { period: '201201B', issuedAt: '2012-03-05T02:00:00Z' };
    await seedBulletin(app, { ...bulletin, districtCode: '640104', bulletinId: 'b-xingqing', supervisorId: 'sup-640104' });
    await seedBulletin(app, { ...bulletin, districtCode: OTHER, bulletinId: 'b-xixia', supervisorId: `sup-${OTHER}` });
    const body = opening('640104');
    await open(body).expect(201);
    const criticise = (bulletinId: string) =>
      request(app.http)
        .post(`/cases/${body.caseId}/issue-criticism`)
        .set(OFFICE)
        .send({ bulletinId, reason: 'named in the bulletin', occurredAt: '2012-03-20T02:00:00Z' });
    for (const bulletinId of ['b-never-issued', 'b-xixia']) {
      const before = await logLength(app);
      const response = await criticise(bulletinId);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'bulletin-not-found' });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await logLength(app)).toBe(before);
    }
    await criticise('b-xingqing').expect(200);
    await seedCityBulletin('b-city');
    await criticise('b-city').expect(200);
    const { body: now } = await request(app.http).get(`/cases/${body.caseId}`).expect(200);
    expect(now.state.criticisms).toEqual(['b-xingqing', 'b-city']);
  });
});
