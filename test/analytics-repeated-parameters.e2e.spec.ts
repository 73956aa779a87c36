/**
 * A parameter said twice, or in DHIS2's own spelling, never changes the figures silently: a period listed twice
 * is counted once, and the DHIS2 routes refuse what they do not read (DHIS2's 409 body) instead of answering for
 * another org unit or a wider span than asked.
 */
import request from 'supertest';
import { projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';
import { seedCampaign } from '@projections/shared/testing/campaign-seed';

const SET = '/dhis2/dataValueSets?dataSet=HF_MONTHLY&pe=2012';

describe('repeated and unread analytics parameters', () => {
  let app: TestApp;
  let analyst: string;
  let auditor: string;
  const get = (path: string) => request(app.http).get(path).set('Authorization', `Bearer ${analyst}`);

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    await seedCampaign(app.runtime.eventStore, app.runtime.dataSource);
    await projectionsCaughtUp(app, ['category-counts'], 20_000);
    analyst = await app.token('analyst', { ou: '640100' });
    auditor = await app.token('auditor', { ou: '640100' });
  });
  afterAll(() => app.close());

  it('counts enrolment against the target once when the year is listed twice', async () => {
    // An auditor's answer: the district's small cells are not withheld, so the figures show.
    const audit = (path: string) => request(app.http).get(path).set('Authorization', `Bearer ${auditor}`);
    const once = (await audit('/indicators/enrolment-vs-target?level=district&pe=2012').expect(200)).body.rows;
    expect(once).toEqual([expect.objectContaining({ orgUnit: '640104', numerator: 5, denominator: 4 })]);
    const twice = (await audit('/indicators/enrolment-vs-target?level=district&pe=2012;2012').expect(200)).body.rows;
    expect(twice).toEqual(once);
  });

  it.each([
    `${SET}&ou=640104&ou=640105`,
    `${SET}&orgUnit=640104`,
    `${SET}&ou=640104&startDate=2012-03-01&endDate=2012-03-31`,
    `${SET}&ou=640104&idScheme=uid`,
    `${SET}&ou=640104&children=true&children=true`,
    `${SET}&ou=640104&format=csv&format=adx`,
    '/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:2012&includeNumDen=true&includeNumDen=true',
    '/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:2012&startDate=2012-01-01',
    `${SET}&ou=640104&children=yes`,
    `${SET}&ou=640104&format=xml`,
    '/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:2012&includeNumDen=1',
  ])("refuses %s with DHIS2's 409 body, naming the parameter", async (path) => {
    const response = await get(path);
    expect({ path, status: response.status }).toEqual({ path, status: 409 });
    expect(response.body).toMatchObject({ httpStatusCode: 409, status: 'ERROR', message: expect.stringMatching(/parameter/) });
  });

  it.each([
    '/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:2012Q1&dimension=pe:2012Q2',
    '/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=dx:HF_SATISFACTION_VALID&dimension=pe:2012',
    '/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:2012&filter=pe:2012Q1',
    '/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:2012&dimension=ou:640104&filter=ou:640105',
  ])('refuses %s, a dimension given twice, instead of answering only one of them', async (path) => {
    const response = await get(path);
    expect({ path, status: response.status }).toEqual({ path, status: 409 });
    expect(response.body).toMatchObject({ httpStatusCode: 409, message: expect.stringMatching(/more than once/) });
  });

  it("gives no values for the children of a village, which has none, rather than the village's own", async () => {
    const audit = (path: string) => request(app.http).get(path).set('Authorization', `Bearer ${auditor}`);
    const own = (await audit(`${SET}&ou=640104001001`).expect(200)).body.dataValues;
    expect(own.length).toBeGreaterThan(0);
    expect((await audit(`${SET}&ou=640104001001&children=true`).expect(200)).body.dataValues).toEqual([]);
  });

  it('still answers the parameters it reads, dimension and filter repeated', async () => {
    await get(`${SET}&ou=640104&children=true&format=json`).expect(200);
    await get('/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:2012&filter=ou:640104&includeNumDen=true').expect(200);
  });

  it("takes a DHIS2 client's presentation options, which change no figure, and answers the same", async () => {
    const plain = '/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:2012&filter=ou:640104';
    const withOptions = (await get(`${plain}&displayProperty=NAME&skipMeta=false`).expect(200)).body.rows;
    expect(withOptions).toEqual((await get(plain).expect(200)).body.rows);
  });
});
