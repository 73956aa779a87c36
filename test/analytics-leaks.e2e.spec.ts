/**
 * An analyst tries to get back what the analytics outputs withhold: a small village cell by asking it in
 * another format, language or breakdown, or by subtracting its published neighbours from a published total;
 * and personal data (names, id numbers, phones, free text, household ids) from every output, the reporting
 * views included.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventToAppend, JsonObject } from '@libs/event-store';
import { projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

const TOWNSHIP = '640104001';
const A = '640104001001'; // two households: withheld
const B = '640104001002'; // five households
const C = '640104001003'; // six: five answer for a health check, one for a family doctor (withheld by service type)
const D = '640104001004'; // the marked household: personal data to look for
// Yongning: street T1's two villages are large, town T2's one village small, so T1 is withheld as T2's complement.
const [T1, T2] = ['640121001', '640121002'];
const [V1, V2, V3] = ['640121001001', '640121001002', '640121002001'];
const MARCH = '2012-03-20T02:00:00.000Z';
const MARKERS = [
  'Quxiang Marker',
  '640104197707077776',
  '13977770777',
  'MARKER-NEED-TEXT',
  'MARKER-WITHDRAWN',
  'Screened Markerwoman',
  '640104198808088882',
];

type Row = Record<string, unknown>;

describe('what an analyst can get back from the analytics outputs', () => {
  let app: TestApp;
  let analyst: string;
  const householdIds: string[] = [];
  const get = (path: string, token = analyst) => request(app.http).get(path).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    analyst = await app.token('analyst', { ou: '640100' });
    const rated = (type: string) => ({ type, head: { name: 'Ma Lan' } });
    for (let i = 0; i < 2; i++) await household(A, rated('health-check'));
    for (let i = 0; i < 5; i++) await household(B, rated('health-check'));
    for (let i = 0; i < 6; i++) await household(C, rated(i === 0 ? 'family-doctor' : 'health-check'));
    await household(D, { type: 'health-check', head: { name: MARKERS[0], idNumber: MARKERS[1], phone: MARKERS[2] }, withdrawn: true });
    for (const [village, n] of [
      [V1, 6],
      [V2, 7],
      [V3, 2],
    ] as const)
      for (let i = 0; i < n; i++) await household(village, rated(i % 2 === 0 ? 'health-check' : 'family-doctor'));
    const person = { name: MARKERS[5], idNumber: MARKERS[6] };
    await request(app.http)
      .post('/screenings')
      .send({ villageCode: D, subjectKind: 'pregnant-woman', person, occurredAt: MARCH })
      .expect(201);
    await projectionsCaughtUp(app);
  });
  afterAll(() => app.close());

  it("withholds a small village's cell in every format, language and breakdown it can be asked in", async () => {
    const indicator = `/indicators/satisfaction-rate?ou=${A}&pe=201203`;
    const answers = [
      (await get(indicator).expect(200)).body.rows,
      (await get(`${indicator}&lang=zh-CN`).expect(200)).body.rows,
      ...(await Promise.all(
        ['serviceType', 'department', 'focusArea'].map(async (by) => (await get(`${indicator}&by=${by}`).expect(200)).body.rows),
      )),
    ].flat() as Row[];
    expect(answers.length).toBeGreaterThan(0);
    for (const row of answers) expect(row).toMatchObject({ numerator: null, value: null, suppressed: true });
    for (const csv of [
      (await get(`${indicator}&format=csv`).expect(200)).text,
      (await get(indicator).set('Accept', 'text/csv').expect(200)).text,
    ]) {
      const [header, line] = csv.trim().split('\n');
      expect(line.split(',')[header.split(',').indexOf('numerator')]).toBe('');
    }
    const sets = `/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=${A}&pe=201203`;
    expect((await get(sets).expect(200)).body.dataValues.map((v: Row) => v.dataElement)).not.toContain('HF_SATISFIED');
    expect((await get(`${sets}&format=csv`).expect(200)).text).not.toContain('HF_SATISFIED');
    expect((await get(`${sets}&format=adx`).expect(200)).text).not.toContain('HF_SATISFIED');
    const analytics = `/dhis2/analytics?dimension=dx:HF_SATISFIED;satisfaction-rate&dimension=pe:201203;2012Q1&dimension=ou:${A}&includeNumDen=true`;
    expect((await get(analytics).expect(200)).body.rows).toEqual([]);
  });

  // A published total less its published parts gives back the withheld parts: complements are withheld with them.
  it('never publishes a total whose withheld villages are fewer than 5 households together', async () => {
    const total = (await get(`/indicators/satisfaction-rate?ou=${TOWNSHIP}&pe=201203`).expect(200)).body.rows as Row[];
    const villages = (await get(`/indicators/satisfaction-rate?ou=${TOWNSHIP}&level=village&pe=201203`).expect(200)).body.rows as Row[];
    expect(exposed(total[0], villages)).toEqual([]);
  });

  it("never publishes a village's total whose withheld service types are fewer than 5 households together", async () => {
    const total = (await get(`/indicators/satisfaction-rate?ou=${C}&pe=201203`).expect(200)).body.rows as Row[];
    const parts = (await get(`/indicators/satisfaction-rate?ou=${C}&pe=201203&by=serviceType`).expect(200)).body.rows as Row[];
    expect(exposed(total[0], parts)).toEqual([]);
  });

  // A withheld complement is the sum of its parts one level down or in a breakdown: they may not all be published.
  it('never publishes every part of a withheld cell, one level down or broken down', async () => {
    const path = (ou: string, more: string) => `/indicators/satisfaction-rate?ou=${ou}&pe=201203${more}`;
    const cell = (row: Row) => [row.orgUnit, row.serviceType ?? null, row.numerator, row.suppressed ?? false];
    const townships = ((await get(path('640121', '&level=township')).expect(200)).body.rows as Row[]).map(cell);
    expect(townships).toEqual([
      [T1, null, null, true],
      [T2, null, null, true],
    ]);
    const villages = ((await get(path(T1, '&level=village')).expect(200)).body.rows as Row[]).map(cell);
    expect(villages).toEqual([
      [V1, null, null, true],
      [V2, null, null, true],
    ]);
    for (const ou of [V1, V2])
      expect((await get(path(ou, '')).expect(200)).body.rows.map(cell)).toEqual(villages.filter(([v]) => v === ou));
    const types = ((await get(path(V2, '&by=serviceType')).expect(200)).body.rows as Row[]).map(cell);
    expect(types).toEqual([
      [V2, 'family-doctor', null, true],
      [V2, 'health-check', null, true],
    ]);
    const auditor = await app.token('auditor', { ou: '640100' });
    const seen = ((await get(path(T1, '&level=village'), auditor).expect(200)).body.rows as Row[]).map(cell);
    expect(seen).toEqual([
      [V1, null, 6, false],
      [V2, null, 7, false],
    ]);
  });

  it('gives a village the same cell asked alone as with its siblings, as CSV and through DHIS2', async () => {
    const path = (ou: string, more = '') => `/indicators/satisfaction-rate?ou=${ou}&pe=201203${more}`;
    const cell = (row: Row) => [row.orgUnit, row.numerator, row.suppressed ?? false];
    const villages = ((await get(path(TOWNSHIP, '&level=village')).expect(200)).body.rows as Row[]).map(cell);
    // B, the smallest published village, is withheld as the complement of A and D (3 households together).
    expect(villages).toEqual([
      [A, null, true],
      [B, null, true],
      [C, 6, false],
      [D, null, true],
    ]);
    for (const ou of [A, B, C, D])
      expect((await get(path(ou)).expect(200)).body.rows.map(cell)).toEqual(villages.filter(([v]) => v === ou));
    const [header, line] = (await get(path(B, '&format=csv')).expect(200)).text.trim().split('\n');
    expect(line.split(',')[header.split(',').indexOf('numerator')]).toBe('');
    const satisfied = async (ou: string) =>
      (await get(`/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=${ou}&pe=201203`).expect(200)).body.dataValues
        .filter((v: Row) => v.dataElement === 'HF_SATISFIED')
        .map((v: Row) => v.value);
    expect([await satisfied(B), await satisfied(C)]).toEqual([[], ['6']]);
    const analytics = (ou: string) => `/dhis2/analytics?dimension=dx:satisfaction-rate&dimension=pe:201203&dimension=ou:${ou}`;
    expect((await get(analytics(B)).expect(200)).body.rows).toEqual([]);
    expect((await get(analytics(C)).expect(200)).body.rows).toHaveLength(1);
  });

  it('answers no reporting view over HTTP: their village rows are not suppressed', async () => {
    for (const view of ['household_counts', 'satisfaction_counts', 'need_counts']) {
      const response = await get(`/reporting/${view}`);
      expect(response.status).toBe(404);
      expect(response.text).not.toContain(A);
    }
  });

  it('lets no name, id number, phone, free text or household id into any analytics output or reporting view', async () => {
    const auditor = await app.token('auditor', { ou: '640100' });
    const outputs: string[] = [];
    const { body: catalogue } = await get('/indicators').expect(200);
    for (const { name, dimensions, levels } of catalogue.indicators as { name: string; dimensions: string[]; levels: string[] }[]) {
      const by = dimensions.length > 0 ? `&by=${dimensions.join(',')}` : '';
      const query = `ou=640100&level=${levels[levels.length - 1]}&pe=2012${by}`;
      for (const token of [analyst, auditor])
        for (const format of ['json&lang=zh-CN', 'json&lang=en', 'csv'])
          outputs.push((await get(`/indicators/${name}?${query}&format=${format}`, token).expect(200)).text);
      outputs.push(
        (await get(`/dhis2/analytics?dimension=dx:${name}&dimension=pe:2012&dimension=ou:${D}&includeNumDen=true`, auditor)).text,
      );
    }
    for (const format of ['json', 'csv', 'adx'])
      outputs.push(
        (await get(`/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=${TOWNSHIP}&children=true&pe=2012&format=${format}`, auditor).expect(200))
          .text,
      );
    const views: { name: string }[] = await app.runtime.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'reporting'`,
    );
    expect(views.length).toBeGreaterThan(5);
    for (const { name } of views) outputs.push(JSON.stringify(await app.runtime.dataSource.query(`SELECT * FROM reporting."${name}"`)));
    const all = outputs.join('\n');
    expect(all).toContain(D);
    for (const secret of [...MARKERS, ...householdIds]) expect({ secret, found: all.includes(secret) }).toEqual({ secret, found: false });
  });

  /** A household of `villageCode` enrolled, with a need, a health service and a satisfied response in March 2012. */
  async function household(villageCode: string, options: { type: string; head: JsonObject; withdrawn?: boolean }): Promise<void> {
    const [householdId, needId, serviceId] = [randomUUID(), randomUUID(), randomUUID()];
    householdIds.push(householdId);
    const event = (type: string, data: JsonObject): EventToAppend => ({
      id: randomUUID(),
      type,
      data,
      metadata: { actor: 'leaks-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: MARCH },
    });
    const service = { departmentCode: 'health', serviceTypeCode: options.type, focusArea: 'health' };
    await app.runtime.eventStore.appendToStream(`household-${householdId}`, [
      event('HouseholdEnrolled', {
        householdId,
        villageCode,
        category: 'developing',
        members: 4,
        head: options.head,
        enrolmentYear: 2012,
        batch: 1,
      }),
      event('NeedRecorded', { householdId, needId, focusArea: 'health', kind: 'health-service', description: MARKERS[3] }),
      event('ServiceDelivered', { householdId, serviceId, needId, ...service, deliveredAt: MARCH }),
      event('SatisfactionRecorded', { householdId, serviceId, response: 'satisfied', ...service }),
      ...(options.withdrawn ? [event('HouseholdWithdrawn', { householdId, reason: MARKERS[4] })] : []),
    ]);
  }
});

/**
 * The withheld cells under a published total that its published parts give back: the total less the parts is
 * their sum, safe only when they hold 5 households or more together (or nothing is withheld).
 */
function exposed(total: Row, parts: Row[]): Row[] {
  if (total.suppressed) return [];
  const withheld = parts.filter((part) => part.suppressed);
  const households = withheld.reduce((sum, part) => sum + Number(part.households ?? part.denominator), 0);
  return withheld.length > 0 && households < 5 ? withheld : [];
}
