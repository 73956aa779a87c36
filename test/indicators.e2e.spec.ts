/**
 * The analyst's indicators over HTTP, checked against values computed by hand from a small, known set of
 * events: roll-ups, bimonthly periods and ranges, a rate from summed counts (not averaged) with its Wilson
 * interval, targets, CSV, and 400s that name the bad value.
 */
import request from 'supertest';
import { formatPosition } from '@libs/event-store';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';
import { seedCampaign, Seeded } from '@projections/shared/testing/campaign-seed';

const READ_MODELS = ['category-counts', 'needs-status', 'service-deliveries', 'satisfaction-rates', 'loan-portfolio'];

describe('indicators', () => {
  let app: TestApp;
  let seeded: Seeded;
  const get = (path: string) => request(app.http).get(path);

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    seeded = await seedCampaign(app.runtime.eventStore, app.runtime.dataSource);
    await projectionsCaughtUp(app, READ_MODELS, 20_000);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists every indicator with its numerator, denominator and unit', async () => {
    const { body } = await get('/indicators').expect(200);
    const names = body.indicators.map((i: { name: string }) => i.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'households-enrolled',
        'certification-rate',
        'enrolment-vs-target',
        'pilot-village-coverage',
        'pilot-household-coverage',
        'needs-met-rate',
        'services-delivered',
        'satisfaction-rate',
        'loans-granted',
        'loan-repayment-rate',
      ]),
    );
    expect(body.indicators.find((i: { name: string }) => i.name === 'satisfaction-rate')).toMatchObject({
      unit: 'proportion',
      numerator: 'satisfied responses',
      denominator: 'valid responses',
      interval: 'wilson',
      target: { value: 0.9 },
    });
  });

  it('counts households by township and category in a quarter, withdrawn ones beside, and states the log position it reflects', async () => {
    const { body } = await get('/indicators/households-enrolled?ou=640104&level=township&pe=2012Q1&by=category').expect(200);
    expect(body.rows).toEqual([
      {
        orgUnit: '640104001',
        orgUnitName: 'Fenghuang North Street',
        level: 'township',
        period: '2012Q1',
        category: 'developing',
        numerator: 1,
        denominator: null,
        value: 1,
        withdrawn: 1,
        cellSize: 2,
      },
      {
        orgUnit: '640104001',
        orgUnitName: 'Fenghuang North Street',
        level: 'township',
        period: '2012Q1',
        category: 'elderly',
        numerator: 1,
        denominator: null,
        value: 1,
        withdrawn: 0,
        cellSize: 1,
      },
      {
        orgUnit: '640104001',
        orgUnitName: 'Fenghuang North Street',
        level: 'township',
        period: '2012Q1',
        category: 'stable',
        numerator: 1,
        denominator: null,
        value: 1,
        withdrawn: 0,
        cellSize: 1,
      },
    ]);
    const checkpoint = await loadCheckpoint(app.runtime.dataSource.manager, { name: 'category-counts' });
    expect(body.reflects).toEqual({ position: formatPosition(checkpoint!.position!), recordedAt: checkpoint!.recordedAt });
  });

  it('reads a bimonthly period as its two months', async () => {
    const { body } = await get('/indicators/households-enrolled?ou=640104001&pe=201201B&by=category').expect(200);
    expect(body.rows.map((r: Record<string, unknown>) => [r.orgUnit, r.period, r.category, r.numerator, r.withdrawn])).toEqual([
      ['640104001', '201201B', 'developing', 1, 1],
      ['640104001', '201201B', 'stable', 1, 0],
    ]);
  });

  it('rolls villages up to districts over a range, one row group per listed period', async () => {
    const { body } = await get('/indicators/households-enrolled?level=district&pe=201201:201206;2013').expect(200);
    expect(body.rows.map((r: Record<string, unknown>) => [r.orgUnit, r.period, r.numerator, r.withdrawn])).toEqual([
      ['640104', '201201:201206', 5, 1],
      ['640105', '201201:201206', 1, 0],
    ]);
  });

  it('computes the satisfaction rate from summed counts, with the Wilson interval and the 90% target', async () => {
    const { body } = await get('/indicators/satisfaction-rate?ou=640104001').expect(200);
    expect(body.rows).toHaveLength(1);
    const [row] = body.rows;
    // 8 + 2 satisfied of 10 + 2 valid: 0.8333, not the 0.9 an average of the villages' 0.8 and 1.0 would claim.
    expect(row).toMatchObject({ numerator: 10, denominator: 12, noAnswer: 2, target: 0.9, targetMet: false });
    expect(row.value).toBeCloseTo(0.8333, 4);
    expect(row.interval.lower).toBeCloseTo(0.552, 4);
    expect(row.interval.upper).toBeCloseTo(0.953, 4);
    const villages = await get('/indicators/satisfaction-rate?ou=640104001&level=village&by=serviceType').expect(200);
    expect(
      villages.body.rows.map((r: Record<string, unknown>) => [r.orgUnit, r.serviceType, r.numerator, r.denominator, r.targetMet]),
    ).toEqual([
      ['640104001001', 'health-check', 8, 10, false],
      ['640104001002', 'health-check', 2, 2, true],
    ]);
  });

  it('judges certification, enrolment and pilot coverage against the programme targets', async () => {
    const certification = await get('/indicators/certification-rate?ou=640104001').expect(200);
    expect(certification.body.rows).toEqual([
      expect.objectContaining({ numerator: 1, denominator: 4, value: 0.25, target: 0.6, targetMet: false }),
    ]);
    const city = await get('/indicators/enrolment-vs-target?pe=2012').expect(200);
    expect(city.body.rows).toEqual([expect.objectContaining({ orgUnit: '640100', numerator: 6, denominator: 70200, targetMet: false })]);
    const districts = await get('/indicators/enrolment-vs-target?level=district&pe=2012').expect(200);
    expect(districts.body.rows).toEqual([
      expect.objectContaining({ orgUnit: '640104', numerator: 5, denominator: 4, value: 1.25, targetMet: true }),
    ]);
    const villages = await get('/indicators/pilot-village-coverage?ou=640104&level=township&pe=2012Q1').expect(200);
    expect(villages.body.rows).toHaveLength(15);
    expect(villages.body.rows[0]).toMatchObject({ orgUnit: '640104001', numerator: 1, denominator: 6, target: 0.15, targetMet: true });
    expect(villages.body.rows[1]).toMatchObject({ orgUnit: '640104002', numerator: 0, denominator: 6, value: 0, targetMet: false });
    const households = await get('/indicators/pilot-household-coverage?ou=640104001').expect(200);
    expect(households.body.rows).toEqual([
      expect.objectContaining({ orgUnit: '640104001001', level: 'village', numerator: 4, denominator: 20, value: 0.2, targetMet: true }),
    ]);
  });

  it('reports needs met and loans by programme, with the repayment rate over closed loans', async () => {
    const needs = await get('/indicators/needs-met-rate?ou=640104001001&by=focusArea').expect(200);
    expect(needs.body.rows.map((r: Record<string, unknown>) => [r.focusArea, r.numerator, r.denominator])).toEqual([
      ['health', 0, 1],
      ['prosperity', 1, 1],
    ]);
    const loans = await get('/indicators/loans-granted?ou=640104&by=programme').expect(200);
    expect(
      loans.body.rows.map((r: Record<string, unknown>) => [
        r.programme,
        r.numerator,
        r.principalFen,
        r.repaidFen,
        r.outstandingFen,
        r.defaultedFen,
      ]),
    ).toEqual([
      ['womens-micro-loan', 1, 5_000_000, 5_000_000, 0, 0],
      ['youth-entrepreneurship-loan', 1, 3_000_000, 1_000_000, 0, 2_000_000],
    ]);
    const rate = await get('/indicators/loan-repayment-rate?ou=640104').expect(200);
    expect(rate.body.rows).toEqual([expect.objectContaining({ numerator: 1, denominator: 2, value: 0.5 })]);
    const services = await get('/indicators/services-delivered?ou=640104001001&by=department').expect(200);
    expect(services.body.rows.map((r: Record<string, unknown>) => [r.department, r.numerator])).toEqual([
      ['human-resources-social-security', 1],
    ]);
  });

  it('answers CSV for format=csv and for Accept: text/csv, with the log position in a header', async () => {
    const expected = [
      'orgUnit,orgUnitName,level,period,category,numerator,denominator,value,withdrawn,cellSize',
      '640104001,Fenghuang North Street,township,201201B,developing,1,,1,1,2',
      '640104001,Fenghuang North Street,township,201201B,stable,1,,1,0,1',
      '',
    ].join('\n');
    const byFormat = await get('/indicators/households-enrolled?ou=640104001&pe=201201B&by=category&format=csv').expect(200);
    expect(byFormat.headers['content-type']).toMatch(/^text\/csv/);
    expect(byFormat.text).toBe(expected);
    expect(byFormat.headers['x-log-position']).toMatch(/^\d+$/);
    const byAccept = await get('/indicators/households-enrolled?ou=640104001&pe=201201B&by=category').set('Accept', 'text/csv').expect(200);
    expect(byAccept.text).toBe(expected);
  });

  it.each([
    ['/indicators/happiness-index', 'unknown-indicator', 'happiness-index'],
    ['/indicators/households-enrolled?by=colour', 'unknown-dimension', 'colour'],
    ['/indicators/households-enrolled?ou=999999', 'unknown-org-unit', '999999'],
    ['/indicators/households-enrolled?pe=2012Q5', 'invalid-period', '2012Q5'],
    ['/indicators/households-enrolled?pe=201207B', 'invalid-period', '201207B'],
    ['/indicators/households-enrolled?ou=640104001&level=district', 'invalid-level', 'district'],
    ['/indicators/households-enrolled?level=street', 'invalid-level', 'street'],
    ['/indicators/enrolment-vs-target?pe=2012Q1', 'invalid-period', '2012Q1'],
    ['/indicators/households-enrolled?colour=red', 'invalid-parameter', 'colour'],
  ])('answers %s with 400 naming the bad value', async (path, code, bad) => {
    const response = await get(path).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code });
    expect(response.body.detail).toContain(bad);
  });

  it('refuses a misspelt parameter, naming it, under the code the page words (invalid-parameter)', async () => {
    const { body } = await get('/indicators/households-enrolled?ou=640100&period=2012').expect(400);
    expect(body).toMatchObject({ code: 'invalid-parameter', parameter: 'period' });
    expect(body.detail).toBe('"period" is not a parameter of this route: ou, level, pe, asOf, by, format, lang, minPosition');
  });

  it('never lets personal data or household ids into an analytics answer', async () => {
    const { body: catalogue } = await get('/indicators').expect(200);
    for (const { name, dimensions } of catalogue.indicators as { name: string; dimensions: string[] }[]) {
      const by = dimensions.length > 0 ? `?by=${dimensions.join(',')}` : '';
      const answers = [await get(`/indicators/${name}${by}`).expect(200), await get(`/indicators/${name}?format=csv`).expect(200)];
      for (const text of answers.map((a) => a.text)) {
        for (const secret of [...seeded.personalData, ...seeded.householdIds]) expect(text).not.toContain(secret);
      }
    }
  });
});
