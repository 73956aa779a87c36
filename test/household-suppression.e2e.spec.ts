/**
 * Cells that count events of households (satisfaction responses, needs, screening tests) are judged by the
 * distinct households behind them, not the number of events: six responses of two families are a cell of
 * two, withheld from analysts and shown to auditors, at any level and period (distinct households do not add
 * up over months or villages), and in the DHIS2 exchange too.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventToAppend, JsonObject } from '@libs/event-store';
import { projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

const A = '640104001001'; // two households, three responses (and needs) each in March
const B = '640104001002'; // five households, one each
const X = '640105001001'; // Xixia: three households answering in March and in July
const MARCH = '2012-03-20T02:00:00.000Z';
const MAY = '2012-05-31T02:00:00.000Z';
const JULY = '2012-07-20T02:00:00.000Z';

type Row = Record<string, unknown>;

describe('small cells judged by their distinct households', () => {
  let app: TestApp;
  let tokens: Record<'analyst' | 'auditor', string>;

  const enrol = (householdId: string, villageCode: string, i: number): [string, JsonObject, string] => [
    'HouseholdEnrolled',
    {
      householdId,
      villageCode,
      category: 'developing',
      members: 3,
      head: { name: `Head ${i}`, idNumber: `64010419800101${2000 + i}`, phone: `1390952${1000 + i}` },
      enrolmentYear: 2012,
      batch: 1,
    },
    '2012-01-10T02:00:00.000Z',
  ];
  const rate = (householdId: string, serviceTypeCode: string, at: string): [string, JsonObject, string] => [
    'SatisfactionRecorded',
    { householdId, serviceId: randomUUID(), response: 'satisfied', departmentCode: 'health', serviceTypeCode, focusArea: 'health' },
    at,
  ];
  const need = (householdId: string): [string, JsonObject, string] => [
    'NeedRecorded',
    { householdId, needId: randomUUID(), focusArea: 'health', kind: 'health-service', description: 'a check' },
    MARCH,
  ];
  const household = async (villageCode: string, i: number, ...events: ((id: string) => [string, JsonObject, string])[]) => {
    const id = randomUUID();
    const toAppend: EventToAppend[] = [enrol(id, villageCode, i), ...events.map((event) => event(id))].map(([type, data, occurredAt]) => ({
      id: randomUUID(),
      type,
      data,
      metadata: { actor: 'seed', correlationId: randomUUID(), causationId: randomUUID(), occurredAt },
    }));
    await app.runtime.eventStore.appendToStream(`household-${id}`, toAppend);
  };
  const screened = async (villageCode: string, i: number, tests: number) => {
    const post = (path: string, body: object) => request(app.http).post(path).send(body).expect(201);
    const person = { name: `Screened ${i}`, idNumber: `64010419900101${3000 + i}` };
    const { body } = await post('/screenings', { villageCode, subjectKind: 'pregnant-woman', person, occurredAt: MARCH });
    // Tests of May (local days), recorded at the end of it.
    for (let n = 0; n < tests; n++)
      await post(`/screenings/${body.screeningId}/five-item-tests`, { on: `2012-05-0${n + 1}`, result: 'normal', occurredAt: MAY });
  };

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    tokens = { analyst: await app.token('analyst'), auditor: await app.token('auditor') };
    const checked = (id: string) => rate(id, 'health-check', MARCH);
    for (let i = 0; i < 2; i++) await household(A, i, checked, checked, checked, need, need, need);
    for (let i = 0; i < 5; i++) await household(B, 10 + i, checked, need);
    for (let i = 0; i < 3; i++)
      await household(
        X,
        20 + i,
        (id) => rate(id, 'health-check', MARCH),
        (id) => rate(id, 'family-doctor', MARCH),
        (id) => rate(id, 'health-check', JULY),
        (id) => rate(id, 'health-check', JULY),
      );
    for (let i = 0; i < 2; i++) await screened(A, i, 3);
    for (let i = 0; i < 5; i++) await screened(B, 10 + i, 1);
    await projectionsCaughtUp(app, ['satisfaction-rates', 'needs-status', 'screening-counts'], 30_000);
  });
  afterAll(async () => {
    await app.close();
  });

  const rows = async (path: string, role: 'analyst' | 'auditor'): Promise<Row[]> =>
    (await request(app.http).get(path).set('Authorization', `Bearer ${tokens[role]}`).expect(200)).body.rows;
  const cells = async (path: string, role: 'analyst' | 'auditor') =>
    (await rows(path, role)).map((r) => [r.orgUnit, r.numerator, r.denominator, r.households, r.suppressed ?? false]);

  it('withholds six responses of two households from an analyst, and their only sibling as its complement; shows both to an auditor', async () => {
    const path = `/indicators/satisfaction-rate?ou=640104001&level=village&pe=201203`;
    // B's five households are withheld too: the township's total less B would give A back.
    expect(await cells(path, 'analyst')).toEqual([
      [A, null, 6, 2, true],
      [B, null, 5, 5, true],
    ]);
    expect(await cells(path, 'auditor')).toEqual([
      [A, 6, 6, 2, false],
      [B, 5, 5, 5, false],
    ]);
    const [withheld] = await rows(path, 'analyst');
    expect(withheld).toMatchObject({ value: null, interval: null, targetMet: null, noAnswer: null, suppressed: true });
  });

  it('counts households once over months and service types when rolled up to a district and a year', async () => {
    // Xixia: 12 responses, 3 households in March and the same 3 in July: 3, not the 6 the months would add to.
    const year = `/indicators/satisfaction-rate?ou=640100&level=district&pe=2012`;
    // Xingqing is withheld as Xixia's complement: the city's total less it would give Xixia back.
    expect(await cells(year, 'analyst')).toEqual([
      ['640104', null, 11, 7, true],
      ['640105', null, 12, 3, true],
    ]);
    expect(await cells(year, 'auditor')).toEqual([
      ['640104', 11, 11, 7, false],
      ['640105', 12, 12, 3, false],
    ]);
    // Three responses are fewer than 5 households whoever gave them: withheld without counting them.
    const quarter = await cells(`/indicators/satisfaction-rate?ou=640105&pe=2012Q1&by=serviceType`, 'analyst');
    expect(quarter).toEqual([
      ['640105', null, 3, null, true],
      ['640105', null, 3, null, true],
    ]);
    // Counted once (7 households, not more), and withheld: it is the only township of Xingqing with responses, so
    // published it would be Xingqing's total, withheld as Xixia's complement in these months too.
    const township = await cells(`/indicators/satisfaction-rate?ou=640104001&pe=201203:201207`, 'analyst');
    expect(township).toEqual([['640104001', null, 11, 7, true]]);
    const seen = await cells(`/indicators/satisfaction-rate?ou=640104001&pe=201203:201207`, 'auditor');
    expect(seen).toEqual([['640104001', 11, 11, 7, false]]);
  });

  it('publishes a cell of at least 5 times the most valid responses of any household without counting its households', async () => {
    // No household gave more than 4 valid responses (Xixia's), so 23 come from 6 households at least.
    const city = `/indicators/satisfaction-rate?ou=640100&pe=2012`;
    expect(await cells(city, 'analyst')).toEqual([['640100', 23, 23, null, false]]);
    // Six of two households (6 < 20: the bound leaves it open) are still counted, and withheld.
    expect(await cells(`/indicators/satisfaction-rate?ou=640104001001&pe=2012`, 'analyst')).toEqual([[A, null, 6, 2, true]]);
  });

  it('judges needs by the households that recorded them, the count of needs as well as the share met', async () => {
    const met = `/indicators/needs-met-rate?ou=640104001&level=village&pe=2012Q1`;
    expect(await cells(met, 'analyst')).toEqual([
      [A, null, 6, 2, true],
      [B, null, 5, 5, true],
    ]);
    expect(await cells(met, 'auditor')).toEqual([
      [A, 0, 6, 2, false],
      [B, 0, 5, 5, false],
    ]);
    const recorded = await rows(`/indicators/needs-recorded?ou=640104001&level=village&pe=2012`, 'analyst');
    expect(recorded.map((r) => [r.orgUnit, r.numerator, r.open, r.met, r.households, r.suppressed ?? false])).toEqual([
      [A, null, null, null, null, true],
      [B, null, null, null, null, true],
    ]);
    expect(await cells(`/indicators/needs-met-rate?ou=640104&pe=2012`, 'analyst')).toEqual([['640104', 0, 11, 7, false]]);
  });

  it('judges tests by the records tested: six tests of two records are withheld whole', async () => {
    const path = `/indicators/five-item-tests?ou=640104001&level=village&pe=201205`;
    expect(await cells(path, 'analyst')).toEqual([
      [A, null, null, null, true],
      [B, null, null, null, true],
    ]);
    expect(await cells(path, 'auditor')).toEqual([
      [A, 6, null, 2, false],
      [B, 5, null, 5, false],
    ]);
    expect((await rows(path, 'analyst'))[0]).toMatchObject({ value: null, cellSize: null });
    expect(await cells(`/indicators/five-item-tests?ou=640104&pe=2012`, 'analyst')).toEqual([['640104', 11, null, 7, false]]);
  });

  it('withholds the same cells from the CSV answer and the DHIS2 exchange', async () => {
    const csv = async (role: 'analyst' | 'auditor') =>
      (
        await request(app.http)
          .get(`/indicators/satisfaction-rate?ou=640104001&level=village&pe=201203&format=csv`)
          .set('Authorization', `Bearer ${tokens[role]}`)
          .expect(200)
      ).text;
    expect(await csv('analyst')).not.toEqual(await csv('auditor'));
    const satisfied = async (role: 'analyst' | 'auditor') => {
      const { body } = await request(app.http)
        .get(`/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=640104001&pe=201203&children=true`)
        .set('Authorization', `Bearer ${tokens[role]}`)
        .expect(200);
      return body.dataValues
        .filter((v: { dataElement: string }) => v.dataElement === 'HF_SATISFIED')
        .map((v: { orgUnit: string; value: string }) => [v.orgUnit, v.value]);
    };
    // B is A's complement: neither is sent.
    expect(await satisfied('analyst')).toEqual([]);
    expect(await satisfied('auditor')).toEqual([
      [A, '6'],
      [B, '5'],
    ]);
    const analytics = async (role: 'analyst' | 'auditor') => {
      const { body } = await request(app.http)
        .get('/dhis2/analytics?dimension=dx:satisfaction-rate&dimension=pe:2012&filter=ou:640105')
        .set('Authorization', `Bearer ${tokens[role]}`)
        .expect(200);
      return body.rows;
    };
    expect(await analytics('analyst')).toEqual([]);
    expect(await analytics('auditor')).toEqual([['satisfaction-rate', '2012', '1']]);
  });
});
