/**
 * The household register and the enrolment targets, loaded by an administrator: checked whole (a bad line is
 * refused with its number and nothing is written), each load a version with its source; the 60% goal divides
 * certified households by the register's households, and the targets are set the same way, not by SQL.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { EventToAppend, JsonObject } from '@libs/event-store';
import { parseRegisterCsv } from '@libs/programme-register';
import { eventually, logLength, projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

const [V1, V2] = ['640181001001', '640181001002'];
const TOWNSHIP = V1.slice(0, 9);

describe('programme registers', () => {
  let app: TestApp;
  const get = (path: string) => request(app.http).get(path);
  const post = (kind: string, csv: string, source = 'civil affairs bureau, 2013 register') =>
    request(app.http).post(`/admin/registers/${kind}`).send({ source, csv });
  const loads = async () => Number((await app.runtime.dataSource.query(`SELECT count(*) AS n FROM programme.register_loads`))[0].n);

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    // Three households in V1, one certified in 2013 and one in 2014 (local time); one in V2, never certified.
    const ids = [await household(V1), await household(V1), await household(V1), await household(V2)];
    await certify(ids[0], '2013-06-01T02:00:00.000Z');
    await certify(ids[1], '2014-03-01T02:00:00.000Z');
    await projectionsCaughtUp(app, ['category-counts']);
  });
  afterAll(() => app.close());

  it('loads the village household register as a version with its source, and divides the goal by it', async () => {
    const first = await post('village-households', `village_code,year,households\n${V1},2013,10\n${V2},2013,6\n`).expect(201);
    expect(first.body).toMatchObject({
      kind: 'village-households',
      rows: 2,
      source: 'civil affairs bureau, 2013 register',
      loadedBy: 'test-admin',
    });
    // Eventually: on a loaded machine the certification may reach the read model after the lag check above.
    await eventually(async () => {
      const goal = await get(`/indicators/certification-goal?ou=${TOWNSHIP}&pe=2013`).expect(200);
      expect(goal.body.rows).toEqual([
        expect.objectContaining({ orgUnit: TOWNSHIP, numerator: 1, denominator: 16, value: 1 / 16, target: 0.6, targetMet: false }),
      ]);
    }, 30_000);
    // A later version (2014 figures) replaces the first for readers; both stay listed with their sources.
    const second = await post(
      'village-households',
      `village_code,year,households\n${V1},2013,10\n${V1},2014,3\n${V2},2014,2\n`,
      'register 2014',
    ).expect(201);
    expect(second.body.version).toBeGreaterThan(first.body.version);
    const villages = await get(`/indicators/certification-goal?ou=${TOWNSHIP}&level=village&pe=2013;2014`).expect(200);
    expect(villages.body.rows.map((r: Record<string, unknown>) => [r.period, r.orgUnit, r.numerator, r.denominator, r.targetMet])).toEqual([
      ['2013', V1, 1, 10, false],
      ['2013', V2, 0, null, null],
      ['2014', V1, 2, 3, true],
      ['2014', V2, 0, 2, false],
    ]);
    // Household coverage is reported for pilot villages: V1 designated.
    await request(app.http)
      .post('/pilot-villages')
      .send({ villageCode: V1, designatedBy: 'township-640181001', reason: 'decision 1', occurredAt: '2012-01-01T02:00:00.000Z' })
      .expect(201);
    await eventually(async () => {
      const { body } = await get(`/indicators/pilot-household-coverage?ou=${V1}&pe=2014`).expect(200);
      if (body.rows.length === 0) throw new Error('designation not projected yet');
    }, 30_000);
    const coverage = await get(`/indicators/pilot-household-coverage?ou=${V1}&pe=2014`).expect(200);
    expect(coverage.body.rows).toEqual([expect.objectContaining({ numerator: 3, denominator: 3, value: 1 })]);
    const listed = await get('/admin/registers/village-households').expect(200);
    expect(listed.body.loads.map((l: { version: number; source: string }) => [l.version, l.source])).toEqual([
      [second.body.version, 'register 2014'],
      [first.body.version, 'civil affairs bureau, 2013 register'],
    ]);
  });

  it('sets enrolment targets by the same loader: later years and other org units', async () => {
    await post('enrolment-targets', `org_unit_code,year,households\n640100,2012,70200\n640181,2013,2\n`).expect(201);
    const target = await get('/indicators/enrolment-vs-target?ou=640181&pe=2013').expect(200);
    expect(target.body.rows).toEqual([expect.objectContaining({ orgUnit: '640181', numerator: 0, denominator: 2 })]);
    const city = await get('/indicators/enrolment-vs-target?pe=2012').expect(200);
    expect(city.body.rows).toEqual([expect.objectContaining({ orgUnit: '640100', numerator: 4, denominator: 70_200 })]);
  });

  it.each([
    ['village-households', `village_code,year,households\n${V1},2013,10\n999999999999,2013,5\n`, /line 3: unknown village "999999999999"/],
    ['village-households', `village_code,year,households\n${V1},2013,-4\n`, /line 2: households "-4" is not a non-negative whole number/],
    ['village-households', `village_code,year,households\n${V1},2013,2.5\n`, /line 2: households "2.5"/],
    [
      'village-households',
      `village_code,year,households\n${V1},2013,4\n${V2},2013,4\n${V1},2013,5\n`,
      /line 4: 640181001001 in 2013 is already on line 2/,
    ],
    ['village-households', `village_code,year,households\n640181001,2013,4\n`, /line 2: unknown village "640181001"/],
    ['village-households', `code,households\n${V1},4\n`, /line 1: the header must be village_code,year,households/],
    ['enrolment-targets', `org_unit_code,year,households\n640100,2016,0\n`, /line 2: a target of 0 households is no target/],
    ['village-people', `village_code,year,households\n${V1},2013,4\n`, /unknown register "village-people"/],
  ])('refuses a bad %s load with the line named, writing nothing', async (kind, csv, detail) => {
    const [events, before] = [await logLength(app), await loads()];
    const refused = await post(kind, csv).expect('content-type', /application\/problem\+json/);
    expect([400, 404]).toContain(refused.status);
    expect(refused.body.detail).toMatch(detail);
    expect([await logLength(app), await loads()]).toEqual([events, before]);
  });

  it('refuses a load without its source', async () => {
    const before = await loads();
    const refused = await request(app.http)
      .post('/admin/registers/village-households')
      .send({ csv: `village_code,year,households\n${V1},2013,4\n` })
      .expect(400);
    expect(JSON.stringify(refused.body)).toMatch(/source/);
    expect(await loads()).toBe(before);
  });

  it('ships a register for the synthetic city that the loader accepts', () => {
    const csv = readFileSync(join(__dirname, '../libs/reference-data/village-households.synthetic.csv'), 'utf8');
    const rows = parseRegisterCsv('village-households', csv);
    expect(new Set(rows.map((r) => r.orgUnitCode)).size).toBe(386);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2012, 2013, 2014, 2015]));
  });

  async function household(villageCode: string): Promise<string> {
    const householdId = randomUUID();
    await append(
      householdId,
      'HouseholdEnrolled',
      { householdId, villageCode, category: 'stable', members: 3, head: { name: 'Ma Lan' }, enrolmentYear: 2012, batch: 1 },
      '2012-04-01T02:00:00.000Z',
    );
    return householdId;
  }
  async function certify(householdId: string, at: string): Promise<void> {
    await append(householdId, 'HouseholdCertified', { householdId, criteriaVersion: '2012', assessedBy: 'township committee' }, at);
  }
  async function append(householdId: string, type: string, data: JsonObject, occurredAt: string): Promise<void> {
    const event: EventToAppend = {
      id: randomUUID(),
      type,
      data,
      metadata: { actor: 'register-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt },
    };
    await app.runtime.eventStore.appendToStream(`household-${householdId}`, [event]);
  }
});
