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
    expect(adx.text).toContain('period="2012-03-01/P2M"');
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
