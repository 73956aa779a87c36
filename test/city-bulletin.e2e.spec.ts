/**
 * The city's bimonthly bulletin over HTTP: the city office issues it into the city's supervision stream
 * (supervision-640100); its pack sets the six districts side by side (figures against targets, compliance,
 * the scorecard ranking recorded in CityBulletinIssued, units criticised, cases), downloads with the recorded
 * hash, regenerates byte for byte after the log has grown, and travels in the auditor's bundle. A district's
 * supervisor may not issue it; refusals append nothing and keep no document.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { verifyBundle } from '@libs/audit/bundle';
import { generateCityBulletin, recordedPosition, sha256 } from '@libs/bulletins';
import { pdfText } from '@libs/bulletins/pdf-text';
import { CityBulletinIssued } from '@libs/domain/supervision';
import { JsonObject } from '@libs/event-store';
import { referenceNames } from '@libs/reference-data/names';
import { at, bulletinHelpers, OFFICE, WANG } from './support/bulletin-fixtures';
import { logLength, startTestApp, TestApp } from './support/test-app';

const CITY_STREAM = 'supervision-640100';

describe("the city's bulletin", () => {
  let app: TestApp;
  const { post, documentsKept, binary, household } = bulletinHelpers(() => app);
  const certified: [string, JsonObject, string] = ['HouseholdCertified', { criteriaVersion: 'v1', assessedBy: 'staff-17' }, at('02-10')];

  beforeAll(async () => {
    // The projector keeps the read models the scorecard is scored from (issuing waits for them to reach the head).
    app = await startTestApp({ projector: true });
    await post('/supervision/640104/assignment', OFFICE, { supervisorId: 'sup-wang', reason: 'order 12', occurredAt: at('01-01') }).expect(
      200,
    );
    // Jan-Feb 2012. Xingqing (640104): three households, one certified; a case opened. Xixia (640105): two, both certified.
    await household('640104001001', at('01-10'), certified);
    await household('640104001002', at('01-11'));
    await household('640104002001', at('02-11'));
    await household('640105001001', at('01-11'), certified);
    await household('640105001002', at('01-12'), certified);
    await post('/cases', WANG, {
      caseId: randomUUID(),
      subjectUnit: '640104001',
      districtCode: '640104',
      grounds: ['passive'],
      evidence: [{ reference: 'r', description: 'd' }],
      reason: 'named in the visit',
      occurredAt: at('02-15'),
    }).expect(201);
    await post('/supervision/640104/bulletins', WANG, {
      period: '201201B',
      kind: 'progress',
      units: [],
      summary: '兴庆区按期通报',
      occurredAt: at('03-03'),
    }).expect(201);
  });
  afterAll(() => app?.close());

  it('is issued by the city office with its pack, which says every district’s figures and ranking and regenerates byte for byte', async () => {
    const issued = await post('/supervision/city/bulletins', OFFICE, {
      period: '201201B',
      kind: 'criticism',
      units: ['640104', 'civil-affairs'],
      summary: '兴庆区认定进度滞后',
      occurredAt: at('03-05'),
    }).expect(201);
    const { bulletinId } = issued.body;
    const [event] = await app.runtime.eventStore.readStream(CITY_STREAM);
    expect(event).toMatchObject({ type: 'CityBulletinIssued', metadata: { actor: 'city-office-1' } });
    const data = event.data as CityBulletinIssued['data'];
    expect(data).toMatchObject({ bulletinId, issuedBy: 'city-office-1', period: '201201B', units: ['640104', 'civil-affairs'] });
    const { document } = data;
    expect(document).toMatchObject({
      layout: 'city-bulletin-pack/2',
      scorecard: { scheme: 'happy-family', version: 1, period: '201201B' },
    });
    expect(document.scorecard!.rows).toHaveLength(6);

    const pdf = await binary(`/supervision/city/bulletins/${bulletinId}/pdf`).expect(200).expect('Content-Type', 'application/pdf');
    expect(sha256(pdf.body)).toBe(document.pdfSha256);
    expect(pdf.headers['x-recorded-sha256']).toBe(document.pdfSha256);
    const xlsx = await binary(`/supervision/city/bulletins/${bulletinId}/xlsx`).expect(200);
    expect(sha256(xlsx.body)).toBe(document.xlsxSha256);

    const text = pdfText(pdf.body);
    expect(text).toContain('全市 · 2012年第1期（1—2月）');
    // In the report's words (layout 2): 创建家庭, their certified share shown but not judged against the 60% goal
    // (all households), issued by 市人口计生委.
    expect(text).toMatch(/兴庆区\s*3\s*1\s*33\.3%\s/);
    expect(text).toMatch(/西夏区\s*2\s*2\s*100\.0%\s/);
    expect(text).toMatch(/全市合计\s*5\s*3\s*60\.0%\s/);
    expect(text).toContain('创建家庭户数');
    expect(text).toContain('市人口计生委');
    expect(text).not.toMatch(/在册户数|市督查办|33\.3% 未达标/);
    expect(text).toMatch(/兴庆区\s*0次 缺失\s*0次 缺失\s*3月3日签发/);
    expect(text).toMatch(/西夏区\s*0次 缺失\s*0次 缺失\s*未签发/);
    expect(text).toMatch(/兴庆区\s*1\s*0\s*0\s*1/);
    expect(text).toMatch(/civil-affairs\s*民政局/);
    // The ranking, line by line as the event recorded it.
    for (const row of document.scorecard!.rows) {
      const name = referenceNames.orgUnit(row.unit)!.name['zh-CN'];
      expect(text).toMatch(new RegExp(`第${row.rank}名\\s*${name}\\s*${row.total.toFixed(2)}`));
    }

    // The log grows; the pack made again as of the recorded position is the same, byte for byte.
    await household('640105001003', at('02-20'), certified);
    const { bulletinId: id, period, kind, units, summary, issuedBy, issuedAt } = data;
    const again = await generateCityBulletin(app.runtime.eventStore, {
      ...{ bulletinId: id, period, kind, units, summary, issuedBy, issuedAt },
      layout: 'city-bulletin-pack/2',
      scorecard: document.scorecard,
      asOf: recordedPosition(document.asOf),
    });
    expect(again.pdf.equals(pdf.body)).toBe(true);
    expect(again.xlsxSha256).toBe(document.xlsxSha256);
    const check = await request(app.http).get(`/supervision/city/bulletins/${bulletinId}/check`).expect(200);
    expect(check.body).toMatchObject({ matches: true, recorded: { pdfSha256: document.pdfSha256 } });
    // Its view says what the event recorded and where to download the documents.
    expect((await request(app.http).get(`/supervision/city/bulletins/${bulletinId}`).expect(200)).body).toMatchObject({
      bulletinId,
      document: { pdf: `/supervision/city/bulletins/${bulletinId}/pdf`, layout: 'city-bulletin-pack/2' },
    });
  });

  it("refuses a district's supervisor, a bimonth not yet begun, an unknown scheme and a second bulletin, appending and keeping nothing", async () => {
    const refused = async (headers: Record<string, string>, body: object, status: number, code: string) => {
      const [events, kept] = [await logLength(app), await documentsKept()];
      const response = await post('/supervision/city/bulletins', headers, { kind: 'progress', units: [], summary: 's', ...body }).expect(
        status,
      );
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status, code });
      expect([await logLength(app), await documentsKept()]).toEqual([events, kept]);
    };
    const district = { Authorization: `Bearer ${await app.token('supervisor', { ou: '640104', sub: 'sup-wang' })}` };
    await refused(district, { period: '201202B', occurredAt: at('05-03') }, 403, 'out-of-scope');
    await refused(OFFICE, { period: '201204B', occurredAt: at('05-03') }, 400, 'bulletin-period-in-future');
    await refused(OFFICE, { period: '201202B', scheme: 'no-such-scheme', occurredAt: at('05-03') }, 400, 'unknown-scheme');
    await refused(OFFICE, { period: '201201B', occurredAt: at('05-03') }, 409, 'bulletin-already-issued');
    await request(app.http).get('/supervision/city/bulletins/no-such-bulletin/pdf').expect(404);
  });

  it("lets a supervisor whose token spans the city issue it, and any district's auditor read it", async () => {
    const city = { Authorization: `Bearer ${await app.token('supervisor', { ou: '640100', sub: 'sup-city' })}` };
    const { body } = await post('/supervision/city/bulletins', city, {
      period: '201202B',
      kind: 'progress',
      units: [],
      summary: '按期推进',
      occurredAt: at('05-03'),
    }).expect(201);
    const auditor = { Authorization: `Bearer ${await app.token('auditor', { ou: '640105' })}` };
    const view = await request(app.http).get(`/supervision/city/bulletins/${body.bulletinId}`).set(auditor).expect(200);
    expect(view.body).toMatchObject({ issuedBy: 'sup-city', period: '201202B' });
    await request(app.http).get(`/supervision/city/bulletins/${body.bulletinId}/xlsx`).set(auditor).expect(200);
  });

  it("carries the city's bulletin documents in the auditor's export bundle, which checks them offline", async () => {
    const exported = await request(app.http).get(`/audit/streams/${CITY_STREAM}/export`).expect(200);
    const { body: key } = await request(app.http).get('/audit/public-key').expect(200);
    const verdict = verifyBundle(exported.text, { trustedPublicKey: key.publicKey });
    expect(verdict.ok).toBe(true);
    expect(verdict.checks.find((c) => c.name === 'documents')).toEqual({
      name: 'documents',
      ok: true,
      detail: '4 documents hash to what their events recorded',
    });
  });
});
