/**
 * The bimonthly bulletin pack over HTTP: issuing generates the PDF and Excel from the log and records
 * their hashes in BulletinIssued, with the districts' scorecard the pack prints (scored from the read models,
 * which the projector keeps, as the service answers it); the documents download with the recorded hash, say
 * the district's figures and scores in Chinese, and are generated again byte for byte from the log as of the
 * recorded position, even after the log has grown. Refusals append nothing and keep no document.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { verifyBundle } from '@libs/audit/bundle';
import { DistrictLayout, generateBulletin, recordedPosition, sha256 } from '@libs/bulletins';
import { pdfText } from '@libs/bulletins/pdf-text';
import { BulletinIssued } from '@libs/domain/supervision';
import { comparePositions, parsePosition } from '@libs/event-store';
import { at, bulletinHelpers, OFFICE, WANG } from './support/bulletin-fixtures';
import { logLength, startTestApp, TestApp } from './support/test-app';

const D = '640104';

describe('bulletin pack', () => {
  let app: TestApp;
  const { post, documentsKept, binary, household } = bulletinHelpers(() => app);
  const service = { departmentCode: 'health', serviceTypeCode: 'health-check', focusArea: 'health' };

  beforeAll(async () => {
    // The projector keeps the read models the scorecard is scored from (issuing waits for them to reach the head).
    app = await startTestApp({ projector: true });
    await post(`/supervision/${D}/assignment`, OFFICE, { supervisorId: 'sup-wang', reason: 'order 12', occurredAt: at('01-01') }).expect(
      200,
    );
    // Xingqing, Jan-Feb 2012: three households active at the end of February, one certified; one service, rated satisfied.
    const serviceId = randomUUID();
    await household(
      '640104001001',
      at('01-10'),
      ['HouseholdCertified', { criteriaVersion: 'v1', assessedBy: 'staff-17' }, at('02-10')],
      ['ServiceDelivered', { serviceId, ...service, deliveredAt: at('02-12') }, at('02-12')],
      ['SatisfactionRecorded', { serviceId, response: 'satisfied', ...service }, at('02-13')],
    );
    await household('640104001002', at('01-11'));
    await household('640104002001', at('02-11'));
    await household('640105001001', at('01-11')); // Xixia: not Xingqing's
    await post(`/supervision/${D}/visits`, WANG, {
      month: '201201',
      unitsVisited: ['640104001'],
      findings: 'files',
      occurredAt: at('01-20'),
    }).expect(201);
    await post('/cases', WANG, {
      caseId: randomUUID(),
      subjectUnit: '640104001',
      districtCode: D,
      grounds: ['passive'],
      evidence: [{ reference: 'r', description: 'd' }],
      reason: 'named in the visit',
      occurredAt: at('02-15'),
    }).expect(201);
  });
  afterAll(() => app?.close());

  it('issues the bulletin with its pack, whose documents hash to what the event recorded and regenerate byte for byte', async () => {
    const issued = await post(`/supervision/${D}/bulletins`, WANG, {
      period: '201201B',
      kind: 'criticism',
      units: ['640104001'],
      summary: '凤凰北街街道工作滞后',
      occurredAt: at('03-05'),
    }).expect(201);
    const { bulletinId } = issued.body;
    const [event] = (await app.runtime.eventStore.readStream(`supervision-${D}`)).filter((e) => e.type === 'BulletinIssued');
    const document = (event.data as BulletinIssued['data']).document!;
    expect(document).toEqual({
      pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      xlsxSha256: expect.any(String),
      asOf: expect.any(String),
      layout: 'bulletin-pack/3',
      scorecard: expect.objectContaining({ scheme: 'happy-family', version: 1, period: '201201B', previousPeriod: '201106B' }),
    });
    // Scored from read models that reflected at least the position the figures were read at, as the service answers it.
    const card = document.scorecard!;
    for (const { position } of card.reflects)
      expect(comparePositions(parsePosition(position!)!, parsePosition(document.asOf)!)).toBeGreaterThanOrEqual(0);
    const answered = (await request(app.http).get('/assessment/scores?level=district&pe=201201B&scheme=happy-family').expect(200)).body;
    expect(card.rows.map((r) => [r.unit, r.rank, r.total])).toEqual(
      answered.rows.map((r: { unit: string; rank: number; total: number }) => [r.unit, r.rank, r.total]),
    );
    const mine = card.rows.find((r) => r.unit === D)!;
    const certification = mine.components.find((c) => c.key === 'certification')!;
    expect(certification).toMatchObject({ unit: 'proportion', value: 1 / 3, target: 0.6, weight: 20, points: 11.11 });

    const pdf = await binary(`/supervision/${D}/bulletins/${bulletinId}/pdf`).expect(200).expect('Content-Type', 'application/pdf');
    expect(sha256(pdf.body)).toBe(document.pdfSha256);
    expect(pdf.headers['x-recorded-sha256']).toBe(document.pdfSha256);
    const xlsx = await binary(`/supervision/${D}/bulletins/${bulletinId}/xlsx`).expect(200);
    expect(sha256(xlsx.body)).toBe(document.xlsxSha256);

    const text = pdfText(pdf.body);
    expect(text).toContain('兴庆区 · 2012年第1期（1—2月）');
    // In the report's words (layout 3): 创建家庭, and their certified share shown but not judged against the 60%
    // goal, which counts all households; the supervisor is a 督导员.
    expect(text).toMatch(/创建家庭户数（期末）\s*3\b/);
    expect(text).toMatch(/创建家庭中幸福家庭占比（期末）\s*33\.3%\s*—\s*—/);
    expect(text).not.toContain('在册家庭');
    expect(text).toContain('督导员');
    expect(text).toMatch(/服务满意率（本期）\s*100\.0%\s*不低于90%\s*达标/);
    expect(text).toMatch(/2012年1月\s*1\s*逾期/); // recorded today, years after January
    expect(text).toMatch(/本期立案\s*1/);
    expect(text).toContain('640104001 凤凰北街街道');
    // The scorecard section, as the event recorded it.
    expect(text).toMatch(/幸福家庭认定率\s*计生线\s*33\.3%\s*60\.0%\s*20\s*11\.11/);
    expect(text).toContain(`本期得分 ${mine.total.toFixed(2)} 分，在全市6个县区中排名第${mine.rank}位；上期未评分。`);

    // The log grows; the pack made again as of the recorded position is the same, byte for byte.
    await household('640104001001', at('02-20'));
    const { document: _d, ...header } = event.data as BulletinIssued['data'];
    const { layout, scorecard } = document;
    const again = await generateBulletin(app.runtime.eventStore, {
      ...header,
      asOf: recordedPosition(document.asOf),
      layout: layout as DistrictLayout,
      scorecard,
    });
    expect([again.pdfSha256, again.xlsxSha256]).toEqual([document.pdfSha256, document.xlsxSha256]);
    expect(again.pdf.equals(pdf.body)).toBe(true);
    const check = await request(app.http).get(`/supervision/${D}/bulletins/${bulletinId}/check`).expect(200);
    expect(check.body).toMatchObject({ matches: true, regenerated: { pdfSha256: document.pdfSha256, xlsxSha256: document.xlsxSha256 } });

    // A document lost from the store is made again from the log on download.
    await app.runtime.dataSource.query(`DELETE FROM bulletins.documents`);
    const remade = await binary(`/supervision/${D}/bulletins/${bulletinId}/pdf`).expect(200);
    expect(sha256(remade.body)).toBe(document.pdfSha256);
  });

  it('refuses an unknown district, a bimonth not yet begun and a second bulletin for a bimonth, appending and keeping nothing', async () => {
    const refused = async (path: string, body: object, status: number, code: string) => {
      const [events, kept] = [await logLength(app), await documentsKept()];
      const response = await post(path, WANG, { kind: 'progress', units: [], summary: 's', ...body }).expect(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status, code });
      expect([await logLength(app), await documentsKept()]).toEqual([events, kept]);
      return response.body;
    };
    const unknown = await refused(
      `/supervision/${D}/bulletins`,
      { period: '201202B', scheme: 'no-such-scheme', occurredAt: at('05-03') },
      400,
      'unknown-scheme',
    );
    expect(unknown.errors).toEqual([expect.objectContaining({ field: 'scheme' })]);
    // A bulletin prints the official scores: no rescore under a chosen version.
    await refused(
      `/supervision/${D}/bulletins`,
      { period: '201202B', scheme: 'happy-family@1', occurredAt: at('05-03') },
      400,
      'invalid-request',
    );
    await refused('/supervision/640199/bulletins', { period: '201201B', occurredAt: at('03-05') }, 404, 'district-not-found');
    await refused(`/supervision/${D}/bulletins`, { period: '201203B', occurredAt: at('03-05') }, 400, 'bulletin-period-in-future');
    await refused(`/supervision/${D}/bulletins`, { period: '201201B', occurredAt: at('03-06') }, 409, 'bulletin-already-issued');
    await request(app.http).get(`/supervision/${D}/bulletins/no-such-bulletin/pdf`).expect(404);
  });

  it("lets an auditor of the district download its bulletin; to another district's it does not exist", async () => {
    const { body } = await post(`/supervision/${D}/bulletins`, WANG, {
      period: '201202B',
      kind: 'progress',
      units: [],
      summary: 'on schedule',
      occurredAt: at('05-03'),
    }).expect(201);
    const path = `/supervision/${D}/bulletins/${body.bulletinId}`;
    const auditor = async (ou: string) => `Bearer ${await app.token('auditor', { ou })}`;
    const view = await request(app.http)
      .get(path)
      .set('Authorization', await auditor(D))
      .expect(200);
    expect(view.body).toMatchObject({
      bulletinId: body.bulletinId,
      period: '201202B',
      document: { pdf: `${path}/pdf`, layout: 'bulletin-pack/3', scorecard: { scheme: 'happy-family', period: '201202B' } },
    });
    await request(app.http)
      .get(`${path}/xlsx`)
      .set('Authorization', await auditor(D))
      .expect(200);
    // Outside the caller's subtree answers as a missing one does (apps/api/src/auth/scope-check.ts).
    await request(app.http)
      .get(`${path}/xlsx`)
      .set('Authorization', await auditor('640105'))
      .expect(404);
  });

  it("carries the district's bulletin documents in the auditor's export bundle, which checks them offline", async () => {
    const exported = await request(app.http).get(`/audit/streams/supervision-${D}/export`).expect(200);
    const { body: key } = await request(app.http).get('/audit/public-key').expect(200);
    const verdict = verifyBundle(exported.text, { trustedPublicKey: key.publicKey });
    expect(verdict.ok).toBe(true);
    expect(verdict.checks.find((c) => c.name === 'documents')).toEqual({
      name: 'documents',
      ok: true,
      detail: '4 documents hash to what their events recorded',
    });
    // A document swapped in the bundle no longer hashes to what its event recorded.
    const [manifestLine, ...rest] = exported.text.split('\n');
    const { manifest } = JSON.parse(manifestLine);
    manifest.documents[0].base64 = Buffer.from('not the bulletin').toString('base64');
    const forged = [JSON.stringify({ manifest }), ...rest].join('\n');
    expect(verifyBundle(forged, { trustedPublicKey: key.publicKey }).checks.find((c) => c.name === 'documents')).toMatchObject({
      ok: false,
    });
  });
});
