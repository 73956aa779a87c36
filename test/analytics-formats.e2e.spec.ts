/**
 * One calendar and one set of numbers, whatever the format: events at the edges of Beijing months (an
 * instant at 16:30 UTC on 31 December 2012 is 00:30 on 1 January 2013 there) land in the Beijing period in
 * DHIS2's JSON, CSV, ADX and analytics as in GET /indicators; and the same cells read the same in JSON,
 * CSV and the DHIS2 exchange, suppressed alike for an analyst.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventToAppend, JsonObject } from '@libs/event-store';
import { projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

const READ_MODELS = ['category-counts', 'needs-status', 'service-deliveries', 'satisfaction-rates', 'loan-portfolio'];
const EDGES = [
  { village: '640106001001', at: '2012-12-31T16:30:00.000Z', month: '201301', notMonth: '201212', interval: '2013-01-01/P1M' },
  { village: '640106001002', at: '2012-02-29T16:30:00.000Z', month: '201203', notMonth: '201202', interval: '2012-03-01/P1M' },
  // Local midnight exactly, and the last millisecond before it.
  { village: '640106001003', at: '2012-06-30T16:00:00.000Z', month: '201207', notMonth: '201206', interval: '2012-07-01/P1M' },
  { village: '640106001004', at: '2012-06-30T15:59:59.999Z', month: '201206', notMonth: '201207', interval: '2012-06-01/P1M' },
];
/** The DHIS2 id of each period an edge's month lies in: quarter, six months, bimonth (01..06), year. */
const periodsOf = (month: string) => {
  const [year, m] = [month.slice(0, 4), Number(month.slice(4))];
  return [month, `${year}Q${Math.ceil(m / 3)}`, `${year}S${Math.ceil(m / 6)}`, `${year}0${Math.ceil(m / 2)}B`, year];
};
/** The Xixia township where cells of every size are compared across formats. */
const TOWNSHIP = '640105002';
const SIZES = [1, 2, 5, 7];
const ELEMENTS: Record<string, [indicator: string, measure: 'numerator' | 'denominator', by?: string]> = {
  HF_HH_ENROLLED: ['households-enrolled', 'numerator', 'category'],
  HF_NEEDS_RECORDED: ['needs-recorded', 'numerator', 'focusArea'],
  HF_SERVICES_DELIVERED: ['services-delivered', 'numerator', 'focusArea'],
  HF_SATISFIED: ['satisfaction-rate', 'numerator'],
  HF_SATISFACTION_VALID: ['satisfaction-rate', 'denominator'],
  HF_LOANS_GRANTED: ['loans-granted', 'numerator', 'borrowerGroup'],
  HF_LOAN_PRINCIPAL_FEN: ['loan-principal-granted', 'numerator', 'borrowerGroup'],
};
const COMBOS: Record<string, string> = { stable: 'HF_CAT_STABLE', health: 'HF_FA_HEALTH', woman: 'HF_BORROWER_WOMAN' };

type Row = Record<string, unknown>;

describe('the Beijing calendar and the same numbers in every analytics format', () => {
  let app: TestApp;
  let analyst: string;
  const get = (path: string, token?: string) => {
    const call = request(app.http).get(path);
    return token ? call.set('Authorization', `Bearer ${token}`) : call;
  };

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    analyst = await app.token('analyst', { ou: '640100' });
    for (const edge of EDGES) await household(app, edge.village, edge.at);
    for (const [i, size] of SIZES.entries())
      for (let n = 0; n < size; n++) await household(app, `${TOWNSHIP}00${i + 1}`, `2012-0${(n % 3) + 1}-15T02:00:00.000Z`);
    await projectionsCaughtUp(app, READ_MODELS);
  });
  afterAll(() => app.close());

  for (const edge of EDGES) {
    it(`puts an event at ${edge.at} in ${edge.month} and its periods in every DHIS2 format`, async () => {
      const sets = `/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=${edge.village}&pe=2012:2013`;
      const json = (await get(sets).expect(200)).body.dataValues as Row[];
      expect(new Set(json.map((v) => v.period))).toEqual(new Set([edge.month]));
      expect(json.map((v) => v.dataElement).sort()).toEqual(Object.keys(ELEMENTS).sort());
      const csv = (await get(`${sets}&format=csv`).expect(200)).text.trim().split('\n').slice(1);
      expect(new Set(csv.map((line) => line.split(',')[1]))).toEqual(new Set([edge.month]));
      const adx = (await get(`${sets}&format=adx`).expect(200)).text;
      expect([...adx.matchAll(/period="([^"]+)"/g)].map((m) => m[1])).toEqual([edge.interval]);

      const pe = [...periodsOf(edge.month), ...periodsOf(edge.notMonth)].filter((p, i, all) => all.indexOf(p) === i);
      const { body } = await get(
        `/dhis2/analytics?dimension=dx:HF_SERVICES_DELIVERED&dimension=pe:${pe.join(';')}&filter=ou:${edge.village}`,
      );
      const counted = new Set((body.rows as string[][]).map(([, period]) => period));
      expect(counted).toEqual(new Set(periodsOf(edge.month)));
      for (const period of periodsOf(edge.month)) {
        const answer = await get(`/indicators/services-delivered?ou=${edge.village}&pe=${period}&format=csv`).expect(200);
        expect(answer.text.trim().split('\n')[1]).toContain(`,${period},1,,1`);
      }
    });
  }

  it('says the same numbers in JSON, CSV and every DHIS2 format, for an analyst as for an auditor', async () => {
    const auditor = await app.token('auditor', { ou: '640100' });
    // The analyst's small cells are withheld: fewer cells, the same numbers in each format.
    expect((await indicatorCells(analyst)).length).toBeLessThan((await indicatorCells(auditor)).length);
    for (const token of [analyst, auditor]) {
      const expected = await indicatorCells(token);
      // Every count withheld below 5 now, the analyst keeps the larger villages' cells only: still some to compare.
      expect(expected.length).toBeGreaterThan(token === auditor ? SIZES.length * 3 : 3);
      expect(await csvCells(token)).toEqual(expected);
      const sets = `/dhis2/dataValueSets?dataSet=HF_MONTHLY&ou=${TOWNSHIP}&children=true&pe=2012Q1`;
      const json = (await get(sets, token).expect(200)).body.dataValues as Row[];
      expect(sorted(json.map((v) => [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo, v.value].join('|')))).toEqual(expected);
      const csv = (await get(`${sets}&format=csv`, token).expect(200)).text.trim().split('\n').slice(1);
      expect(sorted(csv.map((line) => [0, 1, 2, 3, 5].map((i) => line.split(',')[i]).join('|')))).toEqual(expected);
      expect(sorted(adxCells((await get(`${sets}&format=adx`, token).expect(200)).text))).toEqual(expected);
    }
  });

  /** `element|period|village|combo|value` of every non-zero, published cell, as GET /indicators answers them in JSON. */
  async function indicatorCells(token: string): Promise<string[]> {
    const cells: string[] = [];
    for (const [element, [indicator, measure, by]] of Object.entries(ELEMENTS)) {
      const path = `/indicators/${indicator}?ou=${TOWNSHIP}&level=village&pe=201201;201202;201203${by ? `&by=${by}` : ''}`;
      for (const row of (await get(path, token).expect(200)).body.rows as Row[]) {
        if (row[measure] === null || row[measure] === 0) continue;
        cells.push([element, row.period, row.orgUnit, by ? COMBOS[String(row[by])] : 'default', String(row[measure])].join('|'));
      }
    }
    return sorted(cells);
  }

  async function csvCells(token: string): Promise<string[]> {
    const cells: string[] = [];
    for (const [element, [indicator, measure, by]] of Object.entries(ELEMENTS)) {
      const path = `/indicators/${indicator}?ou=${TOWNSHIP}&level=village&pe=201201;201202;201203&format=csv${by ? `&by=${by}` : ''}`;
      const [header, ...lines] = (await get(path, token).expect(200)).text.trim().split('\n');
      const column = (line: string, name: string) => line.split(',')[header.split(',').indexOf(name)];
      for (const line of lines) {
        const value = column(line, measure);
        if (value === '' || value === '0') continue;
        const combo = by ? COMBOS[column(line, by)] : 'default';
        cells.push([element, column(line, 'period'), column(line, 'orgUnit'), combo, value].join('|'));
      }
    }
    return sorted(cells);
  }
});

const sorted = (cells: string[]) => [...cells].sort();

/** `element|period|orgUnit|combo|value` of each ADX data value; ADX periods are ISO intervals (`2012-03-01/P1M`). */
function adxCells(adx: string): string[] {
  const combos = new Map(Object.values(COMBOS).map((code) => [code, code]));
  return [...adx.matchAll(/<group [^>]*orgUnit="(\d+)" period="(\d{4})-(\d{2})-01\/P1M"[^>]*>([\s\S]*?)<\/group>/g)].flatMap(
    ([, orgUnit, year, month, body]) =>
      [...body.matchAll(/<dataValue dataElement="(\w+)"(?: \w+="(\w+)")? value="([^"]+)"\/>/g)].map(([, element, combo, value]) =>
        [element, `${year}${month}`, orgUnit, combo ? combos.get(combo) : 'default', value].join('|'),
      ),
  );
}

/** A household enrolled in `villageCode` with a need, a service, a satisfied response and a loan, all at `occurredAt`. */
async function household(app: TestApp, villageCode: string, occurredAt: string): Promise<void> {
  const [householdId, needId, serviceId, loanId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const event = (type: string, data: JsonObject): EventToAppend => ({
    id: randomUUID(),
    type,
    data,
    metadata: { actor: 'formats-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt },
  });
  const service = { departmentCode: 'health', serviceTypeCode: 'health-check', focusArea: 'health' };
  await app.runtime.eventStore.appendToStream(`household-${householdId}`, [
    event('HouseholdEnrolled', {
      householdId,
      villageCode,
      category: 'stable',
      members: 3,
      head: { name: 'Ma Lan' },
      enrolmentYear: 2012,
      batch: 1,
    }),
    event('NeedRecorded', { householdId, needId, focusArea: 'health', kind: 'health-service', description: 'check-up' }),
    event('ServiceDelivered', { householdId, serviceId, needId, ...service, deliveredAt: occurredAt }),
    event('SatisfactionRecorded', { householdId, serviceId, response: 'satisfied', ...service }),
  ]);
  await app.runtime.eventStore.appendToStream(`loan-${loanId}`, [
    event('LoanGranted', {
      loanId,
      householdId,
      borrowerGroup: 'woman',
      programmeCode: 'womens-micro-loan',
      principalFen: 5_000_000,
      interestSubsidyBps: 700,
      termMonths: 24,
      lender: 'Yinchuan Rural Credit Cooperative',
    }),
  ]);
}
