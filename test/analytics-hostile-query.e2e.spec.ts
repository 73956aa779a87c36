/**
 * Hostile query strings on the analyst's read paths: unknown indicators, org units and periods, repeated and
 * bracketed parameters, huge ranges and injection attempts are refused with a 4xx (a problem for GET
 * /indicators, DHIS2's 409 body for /dhis2), never a 500, and never answered slowly enough to hold a worker.
 */
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

/** Many distinct ranges, each of ~1,100 years: millions of (period, month) pairs if nothing bounds them. */
const MANY_RANGES = Array.from({ length: 400 }, (_, i) => `${1900 + (i % 100)}:${2999 - Math.floor(i / 100)}`).join(';');

const INDICATOR_QUERIES = [
  '/indicators/no-such-indicator',
  '/indicators/__proto__',
  '/indicators/constructor',
  '/indicators/households-enrolled?ou=640104&ou=640105',
  `/indicators/households-enrolled?ou=${encodeURIComponent("640104' OR '1'='1")}`,
  `/indicators/households-enrolled?ou=${encodeURIComponent('640104; DROP TABLE event_store.events; --')}`,
  '/indicators/households-enrolled?ou=999999',
  '/indicators/households-enrolled?ou[]=640104',
  '/indicators/households-enrolled?ou[a]=640104',
  '/indicators/households-enrolled?pe=201213',
  '/indicators/households-enrolled?pe=2012Q5',
  '/indicators/households-enrolled?pe=201207B',
  '/indicators/households-enrolled?pe=2012W1',
  '/indicators/households-enrolled?pe=1899',
  '/indicators/households-enrolled?pe=3000',
  '/indicators/households-enrolled?pe=2013:2012',
  '/indicators/households-enrolled?pe=2012:2013:2014',
  '/indicators/households-enrolled?pe=%3A',
  '/indicators/households-enrolled?pe=%3B',
  '/indicators/households-enrolled?pe=%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%92',
  '/indicators/households-enrolled?pe=2012&pe=2013',
  `/indicators/services-delivered?pe=${MANY_RANGES}`,
  `/indicators/households-active?pe=${MANY_RANGES}`,
  '/indicators/services-delivered?pe=1900:2999',
  `/indicators/households-enrolled?pe=${encodeURIComponent("2012') OR 1=1 --")}`,
  '/indicators/households-enrolled?by=__proto__',
  '/indicators/households-enrolled?by=constructor',
  `/indicators/households-enrolled?by=${encodeURIComponent('category; DROP TABLE x')}`,
  `/indicators/households-enrolled?by=${encodeURIComponent('category"')}`,
  '/indicators/households-enrolled?by=category&by=category',
  '/indicators/households-enrolled?by[]=category',
  '/indicators/households-enrolled?level=__proto__',
  '/indicators/households-enrolled?level=village&level=township',
  '/indicators/households-enrolled?format=xlsx',
  '/indicators/households-enrolled?format=csv&format=json',
  '/indicators/households-enrolled?lang=fr',
  '/indicators/households-enrolled?asOf=2013-12-31',
  '/indicators/households-active?asOf=2013-02-29',
  '/indicators/households-active?asOf=0000-01-01',
  '/indicators/households-active?asOf=2013-12-31&pe=2013',
  '/indicators/households-enrolled?minPosition=abc',
  '/indicators/households-enrolled?minPosition=-1',
  '/indicators/households-enrolled?minPosition=99999999999999999999',
  '/indicators/households-enrolled?minPosition[]=1',
];

const DHIS2_QUERIES = [
  '/dhis2/dataValueSets?dataSet=NOPE&ou=640104&pe=2012',
  '/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=2012W1',
  '/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=1900:2999',
  `/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=${MANY_RANGES}`,
  `/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=${encodeURIComponent("640104' OR 1=1")}&pe=2012`,
  '/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104&pe=2012&pe=2013',
  '/dhis2/dataValueSets?dataSet[a]=HF_MONTHLY&ou=640104&pe=2012',
  '/dhis2/analytics',
  '/dhis2/analytics?dimension[a]=dx:HF_SATISFIED&dimension[b]=pe:2012',
  '/dhis2/analytics?dimension[0][a]=1',
  '/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:2012W1',
  '/dhis2/analytics?dimension=dx:constructor&dimension=pe:2012',
  '/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:2012&dimension=ou:640104;999999',
  '/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:2012&filter=ou:640104;640105',
  `/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:${MANY_RANGES}`,
  '/dhis2/analytics?dimension=dx:HF_SATISFIED&dimension=pe:2012&includeNumDen[]=true&dimension=co:x',
];

describe('hostile analytics queries', () => {
  let app: TestApp;
  let analyst: string;

  beforeAll(async () => {
    app = await startTestApp();
    analyst = await app.token('analyst', { ou: '640100' });
  });
  afterAll(() => app.close());

  it.each(INDICATOR_QUERIES)('refuses %s with a 400 problem', async (path) => {
    const response = await request(app.http).get(path).set('Authorization', `Bearer ${analyst}`);
    expect({ path, status: response.status }).toEqual({ path, status: 400 });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, type: expect.any(String), title: expect.any(String) });
  });

  it.each(DHIS2_QUERIES)("refuses %s with DHIS2's 409 body", async (path) => {
    const response = await request(app.http).get(path).set('Authorization', `Bearer ${analyst}`);
    expect({ path, status: response.status }).toEqual({ path, status: 409 });
    expect(response.body).toMatchObject({ httpStatusCode: 409, status: 'ERROR', message: expect.any(String) });
  });
});
