/**
 * Plain counts (households enrolled or active, services delivered, loans granted and their principal, principal
 * outstanding) carry their size too: a cell of fewer than 5 households, services or loans is withheld from
 * analysts, as a rate of fewer than 5 households is, so a village's principal in a month is never one borrower's
 * loan, nor its "developing" households one family. Auditors see every value.
 */
import request from 'supertest';
import { loadRegister } from '@libs/programme-register';
import { seedCampaign } from '@projections/shared/testing/campaign-seed';
import { projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

type Row = Record<string, unknown>;

const ASKED = [
  '/indicators/households-enrolled?ou=640104&level=village&pe=2012&by=category',
  '/indicators/households-active?ou=640100&level=district&asOf=2012-12-31&by=category',
  '/indicators/enrolment-vs-target?ou=640100&level=district&pe=2012',
  '/indicators/loan-principal-granted?ou=640104001&level=village&pe=2012',
  '/indicators/loans-granted?ou=640100&level=district&pe=2012',
  '/indicators/loans-outstanding?ou=640100&level=district&asOf=2012-12-31',
  '/indicators/services-delivered?ou=640104&level=township&pe=2012&by=serviceType',
];

describe('small cells of plain counts', () => {
  let app: TestApp;
  let analyst: string;
  let auditor: string;
  const rows = async (path: string, token: string): Promise<Row[]> =>
    (await request(app.http).get(path).set('Authorization', `Bearer ${token}`).expect(200)).body.rows;

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    [analyst, auditor] = await Promise.all([app.token('analyst', { ou: '640100' }), app.token('auditor', { ou: '640100' })]);
    await seedCampaign(app.runtime.eventStore, app.runtime.dataSource);
    // Xixia enrolled one household in 2012 against a target of 10: the target is public, so the cell is that one.
    const targets = [
      { orgUnitCode: '640100', year: 2012, households: 70_200 },
      { orgUnitCode: '640104', year: 2012, households: 4 },
      { orgUnitCode: '640105', year: 2012, households: 10 },
    ];
    await loadRegister(app.runtime.dataSource, 'enrolment-targets', targets, 'small counts test', 'test');
    await projectionsCaughtUp(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it.each(ASKED)('withholds from an analyst every cell of fewer than 5 in %s, and shows it to an auditor', async (path) => {
    const seen = await rows(path, auditor);
    const small = seen.filter((row) => (row.cellSize as number) < 5 && (row.numerator as number) > 0);
    expect(small.length).toBeGreaterThan(0); // the seed's two loans and few services: small cells to withhold
    const withheld = await rows(path, analyst);
    for (const cell of small) {
      const same = withheld.find(
        (row) => row.orgUnit === cell.orgUnit && row.period === cell.period && row.serviceType === cell.serviceType,
      );
      expect(same).toMatchObject({ suppressed: true, numerator: null, value: null });
    }
  });

  it('leaves the withheld loan principal out of the DHIS2 exchange for an analyst', async () => {
    const path = '/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104001&children=true&pe=2012';
    const values = async (token: string) =>
      ((await request(app.http).get(path).set('Authorization', `Bearer ${token}`).expect(200)).body.dataValues as Row[]).filter((v) =>
        String(v.dataElement).startsWith('HF_LOAN'),
      );
    expect((await values(auditor)).length).toBeGreaterThan(0);
    expect(await values(analyst)).toEqual([]);
  });
});
