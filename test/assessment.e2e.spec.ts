/**
 * The scorecard over HTTP against the running service: the seeded campaign plus a supervisor, a case with
 * an overdue rectification and a responsibility in 640104, scored under the campaign's scheme by hand;
 * CSV and Excel; schemes loaded whole or not at all; a rescore under a new version beside the official
 * score; refusals as problems that write nothing.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { seedCampaign } from '@projections/shared/testing/campaign-seed';
import { localMonthOf } from '@libs/calendar';
import shipped from '@libs/assessment/schemes/happy-family.v1.json';
import shippedV2 from '@libs/assessment/schemes/happy-family.v2.json';
import { logLength, projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
const WANG = { 'X-Actor': 'sup-wang' };
const HEALTH = { 'X-Actor': 'clerk-3', 'X-Actor-Role': 'subject-unit', 'X-Actor-Unit': 'health' };
const day = (d: string) => `2012-${d}T02:00:00.000Z`;
const READ_MODELS = [
  'category-counts',
  'needs-status',
  'satisfaction-rates',
  'activity-counts',
  'service-deliveries',
  'case-audit-trail',
  'supervision-compliance',
];

type Row = {
  unit: string;
  rank: number;
  total: number;
  lines: Record<string, number>;
  components: { key: string; value: number | null; points: number }[];
  change: unknown;
};

describe('assessment scores', () => {
  let app: TestApp;
  const get = (path: string) => request(app.http).get(path);
  const post = (path: string, headers: Record<string, string>, body: object) =>
    request(app.http)
      .post(path)
      .set(headers)
      .send(body)
      .expect((r) => {
        if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
      });
  const versions = async () => (await get('/assessment/schemes/happy-family').expect(200)).body.versions.length as number;
  const refused = async (send: () => request.Test, status: number, code: string) => {
    const [events, loaded] = [await logLength(app), await versions()];
    const response = await send().expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code });
    expect([await logLength(app), await versions()]).toEqual([events, loaded]);
    return response.body as { detail: string; line?: string };
  };

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    await seedCampaign(app.runtime.eventStore, app.runtime.dataSource);
    await post('/supervision/640104/assignment', OFFICE, { supervisorId: 'sup-wang', reason: 'order 12', occurredAt: day('01-01') });
    await post('/supervision/640104/visits', WANG, {
      month: '201205',
      unitsVisited: ['unit-7'],
      findings: 'ledgers in form only',
      occurredAt: day('05-10'),
    });
    const caseId = randomUUID();
    await post('/cases', WANG, {
      caseId,
      subjectUnit: 'civil-affairs',
      districtCode: '640104',
      grounds: ['perfunctory'],
      evidence: [{ reference: 'visit-201205', description: 'ledgers copied' }],
      reason: 'found on the May visit',
      occurredAt: day('05-11'),
    });
    await post(`/cases/${caseId}/order-rectification`, WANG, {
      requirements: ['redo the ledgers'],
      deadline: day('06-10'),
      reason: 'r',
      occurredAt: day('05-12'),
    });
    await post('/responsibilities', OFFICE, {
      task: 'visit every developing household',
      officialId: 'off-12',
      position: 'township head',
      unitCode: '640104001',
      indicator: { code: 'visits-per-household', target: 12, unitOfMeasure: 'visits' },
      duePeriod: '201206',
      reason: 'work plan 2012',
      occurredAt: day('03-01'),
    });
    // Xixia: a case of January against the health department, its rectification due 20 May, reported on 15 May.
    const onTime = randomUUID();
    await post('/cases', OFFICE, {
      caseId: onTime,
      subjectUnit: 'health',
      districtCode: '640105',
      grounds: ['delayed'],
      evidence: [{ reference: 'report-201201', description: 'files late' }],
      reason: 'the January report',
      occurredAt: day('01-20'),
    });
    await post(`/cases/${onTime}/order-rectification`, OFFICE, {
      requirements: ['file on time'],
      deadline: day('05-20'),
      reason: 'r',
      occurredAt: day('01-21'),
    });
    await post(`/cases/${onTime}/report-rectification`, HEALTH, {
      report: 'filed',
      evidence: [],
      reason: 'done',
      occurredAt: day('05-15'),
    });
    await projectionsCaughtUp(app, READ_MODELS);
  });
  afterAll(async () => {
    await app.close();
  });

  it('scores the districts for May-June 2012 component by component, ranked, as worked out by hand', async () => {
    const { body } = await get('/assessment/scores?level=district&pe=201203B&scheme=happy-family').expect(200);
    expect(body).toMatchObject({
      level: 'district',
      period: '201203B',
      kind: 'bimonth',
      scheme: 'happy-family',
      version: null,
      rescore: false,
      previousPeriod: '201202B',
    });
    const xingqing: Row = body.rows.find((r: Row) => r.unit === '640104');
    const pilots = (await get('/indicators/pilot-village-coverage?ou=640100&level=district&pe=201203B').expect(200)).body.rows.find(
      (r: { orgUnit: string }) => r.orgUnit === '640104',
    ).value;
    const points = Object.fromEntries(xingqing.components.map((c) => [c.key, [c.value, c.points]]));
    expect(points).toEqual({
      // Visits: 201205 recorded late (today), 201206 missing; the 201203B bulletin missing: 0 of 3 on time.
      supervision: [0, 0],
      responsibilities: [1, 5],
      // Ordered on 12 May, due 10 June, never reported: overdue at the end of June, 10 − 5.
      'cases-overdue': [1, 5],
      'cases-opened': [1, 8],
      // 2 certified (h1, h3) of 5 active at the end of June: 0.4 / 0.6 × 20.
      certification: [0.4, 13.33],
      'pilot-villages': [pilots, pilots >= 0.15 ? 10 : 0],
      'needs-met': [null, 0],
      satisfaction: [null, 0],
      activities: [0, 0],
    });
    expect(xingqing.total).toBe(31.33 + (pilots >= 0.15 ? 10 : 0));
    expect(xingqing.lines['party-government']).toBe(18);
    expect(xingqing.rank).toBe(1);
    // Every other district: no case, no responsibility, nothing certified: the two case components whole.
    const others = body.rows.filter((r: Row) => r.unit !== '640104');
    expect(others.map((r: Row) => [r.total, r.rank])).toEqual(Array(5).fill([20, 2]));
    expect(xingqing.change).toMatchObject({ period: '201202B', rankChange: expect.any(Number) });
  });

  it('scores a year as the mean of its bimonths', async () => {
    const year = (await get('/assessment/scores?level=district&pe=2012&scheme=happy-family').expect(200)).body;
    const bimonths = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(
        async (i) => (await get(`/assessment/scores?level=district&pe=20120${i}B&scheme=happy-family`).expect(200)).body,
      ),
    );
    const total = (card: { rows: Row[] }) => card.rows.find((r) => r.unit === '640104')!.total;
    expect(total(year)).toBeCloseTo(bimonths.reduce((s, b) => s + total(b), 0) / 6, 2);
    expect(year.rows[0].change).toBeNull();
  });

  it('scores the departments on their line', async () => {
    const { body } = await get('/assessment/scores?level=department&pe=201203B&scheme=happy-family').expect(200);
    const civil: Row = body.rows.find((r: Row) => r.unit === 'civil-affairs');
    expect(civil.components.find((c) => c.key === 'cases-opened')).toMatchObject({ value: 1, points: 10 });
    expect(body.rows.length).toBeGreaterThan(20);
  });

  describe('version 2: certification over all households, pilots per township, rectifications on time', () => {
    const now = localMonthOf(new Date().toISOString());
    const inProgress = `${Math.floor(now / 100)}0${Math.ceil((now % 100) / 2)}B`;
    const components = (row: Row) => Object.fromEntries(row.components.map((c) => [c.key, [c.value, c.points]]));
    const scores = async (query: string) => (await get(`/assessment/scores?${query}`).expect(200)).body;

    it('is loaded by the migration from the bimonth in progress; the bimonths before it keep version 1', async () => {
      const { versions } = (await get('/assessment/schemes/happy-family').expect(200)).body;
      const first = now - (((now % 100) - 1) % 2);
      const bimonthStart = `${Math.floor(first / 100)}-${String(first % 100).padStart(2, '0')}-01`;
      expect(versions[1]).toMatchObject({
        version: 2,
        effectiveFrom: bimonthStart > shippedV2.effectiveFrom ? bimonthStart : shippedV2.effectiveFrom,
        loadedBy: 'migration',
      });
      const may = await scores('level=district&pe=201203B&scheme=happy-family');
      expect(may.rows.map((r: { schemes: unknown }) => r.schemes)).toEqual(
        Array(6).fill([{ period: '201203B', scheme: 'happy-family', version: 1 }]),
      );
    });

    it('rescores May-June 2012 under version 2, component by component, as worked out by hand', async () => {
      const body = await scores('level=district&pe=201203B&scheme=happy-family@2');
      expect(body).toMatchObject({ version: 2, rescore: true });
      const xingqing: Row = body.rows.find((r: Row) => r.unit === '640104');
      expect(components(xingqing)).toEqual({
        supervision: [0, 0],
        // The one rectification due (10 June) never reported: none of one on time.
        'rectifications-on-time': [0, 0],
        'cases-overdue': [1, 5],
        'cases-opened': [1, 8],
        // 2 certified (h1, h3) of the 20 households the register has living in Xingqing: 0.1 / 0.6 × 20.
        'certification-goal': [0.1, 3.33],
        // One township of 15 (640104001: 1 pilot of 6 villages, 16.7%) meets 15%: 1/15 × 10.
        'pilot-townships': [1 / 15, 0.67],
        'needs-met': [null, 0],
        satisfaction: [null, 0],
        activities: [0, 0],
      });
      expect([xingqing.total, xingqing.lines['party-government'], xingqing.rank]).toEqual([17, 13, 6]);
      // Xixia: its rectification due 20 May reported on 15 May; no register, so no certification value.
      const xixia: Row = body.rows.find((r: Row) => r.unit === '640105');
      expect(components(xixia)).toMatchObject({
        'rectifications-on-time': [1, 5],
        'certification-goal': [null, 0],
        'pilot-townships': [0, 0],
      });
      // The others: no rectification due is none missed (value null, the whole weight).
      const others = body.rows.filter((r: Row) => r.unit !== '640104');
      expect(others.map((r: Row) => [r.total, r.rank, components(r)['rectifications-on-time'][1]])).toEqual(Array(5).fill([25, 1, 5]));
    });

    it('rescores the departments under version 2: rectifications on time, not responsibilities falling due', async () => {
      const body = await scores('level=department&pe=201203B&scheme=happy-family@2');
      const line = (unit: string) =>
        body.rows.find((r: Row) => r.unit === unit).components.find((c: { key: string }) => c.key === 'rectifications-on-time');
      expect([line('civil-affairs'), line('health'), line('education')]).toEqual([
        expect.objectContaining({ value: 0, points: 0 }),
        expect.objectContaining({ value: 1, points: 10 }),
        expect.objectContaining({ value: null, points: 10 }),
      ]);
    });

    it('scores the bimonth in progress officially under version 2, its change against the previous under version 1', async () => {
      const body = await scores(`level=district&pe=${inProgress}&scheme=happy-family`);
      expect(body).toMatchObject({ version: null, rescore: false, period: inProgress });
      const xingqing: Row & { schemes: { version: number }[] } = body.rows.find((r: Row) => r.unit === '640104');
      expect(xingqing.schemes).toEqual([{ period: inProgress, scheme: 'happy-family', version: 2 }]);
      // h3's certification was revoked in July 2012: h1 alone of 20; no rectification falls due now.
      expect(components(xingqing)).toMatchObject({
        'certification-goal': [0.05, 1.67],
        'pilot-townships': [1 / 15, 0.67],
        'rectifications-on-time': [null, 5],
      });
      const previous = await scores(`level=district&pe=${body.previousPeriod}&scheme=happy-family`);
      expect(previous.rows[0].schemes[0].version).toBe(1);
      expect(xingqing.change).toMatchObject({ period: body.previousPeriod });
    });
  });

  it('answers CSV, one line per unit and component, and an Excel workbook with the same ranking', async () => {
    const csv = await get('/assessment/scores?level=district&pe=201203B&scheme=happy-family&format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('rank,unit,unitName,total,line,component,measure,rule,weight,target,value,points');
    expect(lines).toHaveLength(1 + 6 * 9);
    expect(lines).toContain(
      '1,640104,兴庆区,' +
        lines.find((l) => l.startsWith('1,640104'))!.split(',')[3] +
        ',party-government,cases-overdue,cases-overdue,penalty,10,0,1,5',
    );
    const xlsx = await get('/assessment/scores?level=district&pe=201203B&scheme=happy-family&format=xlsx')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const ranking = workbook.getWorksheet('排名')!;
    expect(ranking.getRow(1).getCell(1).value).toBe('排名');
    expect([ranking.getRow(2).getCell(1).value, ranking.getRow(2).getCell(2).value]).toEqual([1, '640104']);
    expect(workbook.getWorksheet('明细')!.rowCount).toBe(1 + 6 * 9);
  });

  it('refuses a misspelt parameter, naming it, under the code the page words (invalid-parameter)', async () => {
    const body = await refused(() => get('/assessment/scores?level=district&period=2012&scheme=happy-family'), 400, 'invalid-parameter');
    expect(body).toMatchObject({ parameter: 'period', detail: '"period" is not a parameter of this route: level, pe, scheme, format' });
  });

  it('refuses an unknown scheme, a bad period and a period to come, as problems', async () => {
    const score = (query: string) => () => get(`/assessment/scores?${query}`);
    await refused(score('level=district&pe=2012&scheme=happy-families'), 400, 'unknown-scheme');
    await refused(score('level=district&pe=2012&scheme=happy-family@9'), 400, 'unknown-scheme');
    await refused(score('level=district&pe=2012Q1&scheme=happy-family'), 400, 'invalid-period');
    await refused(score('level=district&pe=2099&scheme=happy-family'), 400, 'future-period');
    await refused(score('level=district&pe=2011&scheme=happy-family'), 400, 'scheme-not-in-effect');
    await refused(score('level=township&pe=2012&scheme=happy-family'), 400, 'invalid-parameter');
  });

  it('keeps the ranking from tokens scoped to one district', async () => {
    const scoped = await app.token('analyst', { ou: '640104' });
    await get('/assessment/scores?level=district&pe=2012&scheme=happy-family').set('Authorization', `Bearer ${scoped}`).expect(403);
    const city = await app.token('analyst');
    await get('/assessment/scores?level=district&pe=2012&scheme=happy-family').set('Authorization', `Bearer ${city}`).expect(200);
  });

  describe('loading a scheme', () => {
    const now = localMonthOf(new Date().toISOString());
    const next = now % 100 >= 11 ? (Math.floor(now / 100) + 1) * 100 + 1 : now + (now % 2 === 1 ? 2 : 1);
    const nextBimonth = `${Math.floor(next / 100)}-${String(next % 100).padStart(2, '0')}-01`;
    const document = (change: (d: typeof shipped) => void = () => {}) => {
      const d = structuredClone(shipped);
      d.effectiveFrom = nextBimonth;
      change(d);
      return { document: d };
    };

    it('refuses weights that do not sum, an unknown indicator and a bad rule, naming the line, writing nothing', async () => {
      const weights = await refused(
        () =>
          request(app.http)
            .post('/assessment/schemes')
            .send(document((d) => (d.components[0].weight = 10))),
        400,
        'invalid-scheme',
      );
      expect(weights.detail).toMatch(/Party-and-government line \(党政线\) and family-planning line \(计生线\) sum to 95/);
      const indicator = await refused(
        () =>
          request(app.http)
            .post('/assessment/schemes')
            .send(document((d) => (d.components[4].measure = 'indicator:happiness'))),
        400,
        'invalid-scheme',
      );
      expect(indicator).toMatchObject({ line: 'family-planning', detail: expect.stringMatching(/unknown indicator "happiness"/) });
      await refused(
        () =>
          request(app.http)
            .post('/assessment/schemes')
            .send(document((d) => (d.components[9].rule = { kind: 'sigmoid' } as never))),
        400,
        'invalid-scheme',
      );
    });

    it('refuses a version taking effect in a bimonth already over: past scores are never rewritten', async () => {
      const detail = await refused(
        () =>
          request(app.http)
            .post('/assessment/schemes')
            .send(document((d) => (d.effectiveFrom = '2012-07-01'))),
        409,
        'retroactive-scheme',
      );
      expect(detail.detail).toMatch(/never rewritten/);
    });

    it("loads a new version (3, after the migration's 2) from the next bimonth; a rescore of 2012 under it is a result of its own", async () => {
      const before = (await get('/assessment/scores?level=district&pe=201203B&scheme=happy-family').expect(200)).body;
      const loaded = await request(app.http)
        .post('/assessment/schemes')
        .send(document((d) => ((d.components[4].weight = 10), (d.components[5].weight = 20))))
        .expect(201);
      expect(loaded.body).toMatchObject({ scheme: 'happy-family', version: 3, effectiveFrom: nextBimonth, loadedBy: 'test-admin' });
      const after = (await get('/assessment/scores?level=district&pe=201203B&scheme=happy-family').expect(200)).body;
      expect(after.rows).toEqual(before.rows);
      const rescore = (await get('/assessment/scores?level=district&pe=201203B&scheme=happy-family@3').expect(200)).body;
      expect(rescore).toMatchObject({ version: 3, rescore: true });
      const certification = rescore.rows
        .find((r: Row) => r.unit === '640104')
        .components.find((c: { key: string }) => c.key === 'certification');
      expect(certification).toMatchObject({ value: 0.4, points: 6.67 });
    });
  });
});
