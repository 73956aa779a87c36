/**
 * DHIS2 exchange over HTTP against the small seeded campaign: every data value equals what GET /indicators
 * answers for the same indicator, org unit, period and breakdown; the CSV read back gives the indicator
 * values again (round trip); the analytics answer has DHIS2's shape; bad requests get DHIS2's 409.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { seedCampaign } from '@projections/shared/testing/campaign-seed';
import { DHIS2_CSV_HEADER } from '@libs/dhis2';
import mapping from '@libs/dhis2/mapping.v1.json';
import { projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

const READ_MODELS = ['category-counts', 'needs-status', 'service-deliveries', 'satisfaction-rates', 'loan-portfolio'];
const elements = mapping.dataSets[0].dataElements;

describe('DHIS2 exchange', () => {
  let app: TestApp;
  const get = (path: string) => request(app.http).get(path);

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    await seedCampaign(app.runtime.eventStore, app.runtime.dataSource);
    await projectionsCaughtUp(app, READ_MODELS, 20_000);
  });
  afterAll(() => app.close());

  it('writes sample payloads as test artefacts (test-artifacts/dhis2, copied to docs/samples)', async () => {
    const folder = join(__dirname, '../test-artifacts/dhis2');
    mkdirSync(folder, { recursive: true });
    const query = 'dataSet=HF_MONTHLY&ou=640104&pe=201201;201202;201203';
    writeFileSync(
      join(folder, 'dataValueSet.json'),
      JSON.stringify((await get(`/dhis2/dataValueSets?${query}`).expect(200)).body, null, 2),
    );
    writeFileSync(join(folder, 'dataValueSet.csv'), (await get(`/dhis2/dataValueSets?${query}&format=csv`).expect(200)).text);
    writeFileSync(join(folder, 'dataValueSet.adx.xml'), (await get(`/dhis2/dataValueSets?${query}&format=adx`).expect(200)).text);
    const analytics = await get(
      '/dhis2/analytics?dimension=dx:HF_HH_ENROLLED;HF_SATISFIED;satisfaction-rate&dimension=pe:2012Q1;2012Q2&filter=ou:640104&includeNumDen=true',
    ).expect(200);
    writeFileSync(join(folder, 'analytics.json'), JSON.stringify(analytics.body, null, 2));
  });

  it("exports a data value set whose every value is the indicator's, as strings, zero rows left out", async () => {
    const { body } = await get('/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=201201;201202;201203').expect(200);
    expect(body.dataSet).toBe('HF_MONTHLY');
    expect(body.dataValues.length).toBeGreaterThan(3);
    for (const value of body.dataValues) {
      expect(typeof value.value).toBe('string');
      expect(value.value).not.toBe('0');
      expect(Object.keys(value).sort()).toEqual([
        'attributeOptionCombo',
        'categoryOptionCombo',
        'comment',
        'dataElement',
        'followup',
        'lastUpdated',
        'orgUnit',
        'period',
        'storedBy',
        'value',
      ]);
    }
    expect(await indicatorCells('640104', '201201;201202;201203')).toEqual(cellsOf(body.dataValues));
  });

  it('round-trips: the CSV, read back by its DHIS2 header, gives the indicator values again', async () => {
    const csv = await get('/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=201201;201202;201203&format=csv')
      .expect(200)
      .expect('content-type', /text\/csv/);
    const [header, ...lines] = csv.text.trim().split('\n');
    expect(header).toBe(DHIS2_CSV_HEADER);
    const values = lines.map((line) => {
      const [dataElement, period, orgUnit, categoryOptionCombo, , value] = line.split(',');
      return { dataElement, period, orgUnit, categoryOptionCombo, value };
    });
    expect(cellsOf(values)).toEqual(await indicatorCells('640104', '201201;201202;201203'));
  });

  it('exports ADX with ISO interval periods, and the children of an org unit on request', async () => {
    const adx = await get('/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=201202B&format=adx')
      .expect(200)
      .expect('content-type', /adx\+xml/);
    // A bimonth of the monthly data set is its two months, written at the set's own period type.
    expect(adx.text).toContain('period="2012-03-01/P1M"');
    expect(adx.text).not.toContain('/P2M"');
    const children = await get('/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=2012&children=true').expect(200);
    expect(new Set(children.body.dataValues.map((v: { orgUnit: string }) => v.orgUnit.length))).toEqual(new Set([9]));
  });

  it("answers analytics in DHIS2's shape, values as strings, with numerator and denominator on request", async () => {
    const { body } = await get(
      '/dhis2/analytics?dimension=dx:HF_HH_ENROLLED;satisfaction-rate&dimension=pe:2012Q1&filter=ou:640104&includeNumDen=true',
    ).expect(200);
    expect(body.headers.map((h: { name: string }) => h.name)).toEqual([
      'dx',
      'pe',
      'value',
      'numerator',
      'denominator',
      'factor',
      'multiplier',
      'divisor',
    ]);
    expect(body.headers[0]).toEqual({ name: 'dx', column: 'Data', valueType: 'TEXT', type: 'java.lang.String', hidden: false, meta: true });
    expect(body.metaData.dimensions).toEqual({ dx: ['HF_HH_ENROLLED', 'satisfaction-rate'], pe: ['2012Q1'], ou: ['640104'], co: [] });
    expect(body.metaData.items['640104'].name).toBeDefined();
    const enrolled = await get('/indicators/households-enrolled?ou=640104&pe=2012Q1').expect(200);
    expect(body.rows).toContainEqual([
      'HF_HH_ENROLLED',
      '2012Q1',
      String(enrolled.body.rows[0].numerator),
      String(enrolled.body.rows[0].numerator),
      '',
      '1',
      '1',
      '1',
    ]);
    for (const row of body.rows) for (const cell of row) expect(typeof cell).toBe('string');
  });

  it("refuses with DHIS2's 409 body: no data dimension, an unknown data set, an unknown or out-of-area org unit", async () => {
    const refusal = { httpStatus: 'Conflict', httpStatusCode: 409, status: 'ERROR', message: expect.any(String) };
    expect((await get('/dhis2/analytics?dimension=pe:2012').expect(409)).body).toEqual(refusal);
    expect((await get('/dhis2/dataValueSets?dataSet=NOPE&ou=640104&pe=2012').expect(409)).body).toEqual(refusal);
    expect((await get('/dhis2/analytics?dimension=dx:HF_HH_ENROLLED&dimension=pe:2012&filter=ou:999999').expect(409)).body).toEqual(
      refusal,
    );
    const xixia = await app.token('analyst', { ou: '640105' });
    await request(app.http)
      .get('/dhis2/analytics?dimension=dx:HF_HH_ENROLLED&dimension=pe:2012&dimension=ou:640104')
      .set('Authorization', `Bearer ${xixia}`)
      .expect(409);
    await request(app.http)
      .get('/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=2012')
      .set('Authorization', `Bearer ${xixia}`)
      .expect(403);
  });

  it("expands a year or a range into the monthly data set's months, in every format (DHIS2 refuses other periods in it)", async () => {
    const { body } = await get('/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=201201:201203').expect(200);
    expect(new Set(body.dataValues.map((v: { period: string }) => v.period))).toEqual(new Set(['201201', '201202', '201203']));
    expect(cellsOf(body.dataValues)).toEqual(await indicatorCells('640104', '201201;201202;201203'));
    const adx = await get('/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=2012&format=adx').expect(200);
    const periods = new Set([...adx.text.matchAll(/period="([^"]+)"/g)].map((m) => m[1]));
    expect(periods.size).toBeGreaterThan(1);
    for (const period of periods) expect(period).toMatch(/^2012-\d\d-01\/P1M$/);
    const csv = await get('/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=2012Q1&format=csv').expect(200);
    for (const line of csv.text.trim().split('\n').slice(1)) expect(line.split(',')[1]).toMatch(/^20120[1-3]$/);
    const refusal = await get('/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=2000:2999&format=adx').expect(409);
    expect(refusal.body.message).toMatch(/more than 120/);
  });

  it('answers filter=pe:a:b for the whole range, as GET /indicators does', async () => {
    const { body } = await get('/dhis2/analytics?dimension=dx:households-enrolled&filter=pe:201201:201212&filter=ou:640104').expect(200);
    const indicator = await get('/indicators/households-enrolled?ou=640104&pe=201201:201212').expect(200);
    expect(body.rows).toEqual([['households-enrolled', String(indicator.body.rows[0].value)]]);
    expect(body.metaData.dimensions.pe).toEqual(['201201:201212']);
  });

  it('labels the rows of an indicator reported below the org unit asked for with their own org units, each once', async () => {
    const { body } = await get('/dhis2/analytics?dimension=dx:pilot-household-coverage&dimension=pe:2012&dimension=ou:640100').expect(200);
    const indicator = await get('/indicators/pilot-household-coverage?ou=640100&pe=2012').expect(200);
    expect(body.rows.length).toBe(indicator.body.rows.filter((r: { value: unknown }) => r.value !== null).length);
    expect(body.rows.length).toBeGreaterThan(0);
    const coordinates = body.rows.map((row: string[]) => row.slice(0, 3).join('|'));
    expect(new Set(coordinates).size).toBe(coordinates.length);
    for (const row of body.rows) {
      expect(row[2]).toHaveLength(12);
      expect(body.metaData.dimensions.ou).toContain(row[2]);
      expect(body.metaData.items[row[2]].name).not.toBe(row[2]);
    }
    await get('/dhis2/analytics?dimension=dx:pilot-household-coverage&dimension=pe:2012&filter=ou:640100').expect(409);
  });

  /** (dataElement, period, orgUnit, combo) -> value, from GET /indicators for every mapped data element. */
  async function indicatorCells(ou: string, pe: string): Promise<Record<string, string>> {
    const cells: Record<string, string> = {};
    for (const element of elements) {
      const by = element.disaggregation ? `&by=${element.disaggregation}` : '';
      const { body } = await get(`/indicators/${element.indicator}?ou=${ou}&pe=${pe}${by}`).expect(200);
      for (const row of body.rows) {
        const value = row[element.value];
        if (!value) continue;
        const combos = (mapping.categoryCombos as Record<string, Record<string, string>>)[element.disaggregation ?? ''];
        cells[`${element.code}|${row.period}|${row.orgUnit}|${combos ? combos[row[element.disaggregation!]] : 'default'}`] = String(value);
      }
    }
    return cells;
  }
});

function cellsOf(
  values: { dataElement: string; period: string; orgUnit: string; categoryOptionCombo: string; value: string }[],
): Record<string, string> {
  return Object.fromEntries(values.map((v) => [`${v.dataElement}|${v.period}|${v.orgUnit}|${v.categoryOptionCombo}`, v.value]));
}
