/**
 * Stocks and flows: a flow counts what happened during the period, a stock is the state at its end in the
 * programme's calendar. `certification-rate?pe=2013` is certified by the end of 2013 (Beijing time) whenever
 * the household enrolled; `asOf` reads a local day's end. Money is shown in yuan beside fen; CSV answers
 * carry a filename and round rates as documented.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventToAppend, formatPosition, JsonObject } from '@libs/event-store';
import { acknowledgedHead } from '@libs/read-sources';
import { eventually, logLength, startTestApp, TestApp } from './support/test-app';

const VILLAGE = '640106001001';
const TOWNSHIP = VILLAGE.slice(0, 9);

describe('stocks and flows', () => {
  let app: TestApp;
  const get = (path: string) => request(app.http).get(path);

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    // A: enrolled May 2012, certified June 2013. B: enrolled May 2012, certified at 17:00 UTC on 31 Dec 2013,
    // which is 1 January 2014 in Yinchuan. C: enrolled March 2012, withdrawn March 2013.
    const a = await household('2012-05-10T02:00:00.000Z');
    await append(
      a,
      'HouseholdCertified',
      { householdId: a, criteriaVersion: '2012', assessedBy: 'township committee' },
      '2013-06-15T02:00:00.000Z',
    );
    const b = await household('2012-05-11T02:00:00.000Z');
    await append(
      b,
      'HouseholdCertified',
      { householdId: b, criteriaVersion: '2012', assessedBy: 'township committee' },
      '2013-12-31T17:00:00.000Z',
    );
    const c = await household('2012-03-01T02:00:00.000Z');
    await append(c, 'HouseholdWithdrawn', { householdId: c, reason: 'moved away' }, '2013-03-01T02:00:00.000Z');
    const loanId = randomUUID();
    await app.runtime.eventStore.appendToStream(`loan-${loanId}`, [
      event(
        'LoanGranted',
        {
          loanId,
          householdId: a,
          borrowerGroup: 'woman',
          programmeCode: 'womens-micro-loan',
          principalFen: 5_000_012,
          interestSubsidyBps: 700,
          termMonths: 24,
          lender: 'Yinchuan Rural Credit Cooperative',
        },
        '2012-06-01T02:00:00.000Z',
      ),
      event(
        'LoanRepaymentRecorded',
        { loanId, householdId: a, amountFen: 3_000_000, outstandingFen: 2_000_012 },
        '2013-03-01T02:00:00.000Z',
      ),
    ]);
    // Both read models reflect the last append: each indicator answered with it as minPosition (else 503). The
    // last append's position, not the visible head: the projector's start-up may hold that back.
    const head = formatPosition((await acknowledgedHead(app.runtime.eventStore, 30_000))!);
    await eventually(async () => {
      await get(`/indicators/certification-rate?ou=${TOWNSHIP}&minPosition=${head}`).expect(200);
      await get(`/indicators/loans-granted?ou=${TOWNSHIP}&minPosition=${head}`).expect(200);
    }, 30_000);
  });
  afterAll(() => app.close());

  const rows = async (path: string) => (await get(path).expect(200)).body.rows as Record<string, unknown>[];
  const pair = (r: Record<string, unknown>) => [r.period, r.numerator, r.denominator];

  it('answers certification-rate?pe=2013 with the households certified by the end of 2013, local time', async () => {
    expect((await rows(`/indicators/certification-rate?ou=${TOWNSHIP}&pe=2012;2013;2014`)).map(pair)).toEqual([
      ['2012', 0, 3],
      ['2013', 1, 2],
      ['2014', 2, 2],
    ]);
  });

  it('reads asOf as the end of a local day', async () => {
    expect((await rows(`/indicators/certification-rate?ou=${TOWNSHIP}&asOf=2013-12-31`)).map(pair)).toEqual([['2013-12-31', 1, 2]]);
    expect((await rows(`/indicators/certification-rate?ou=${TOWNSHIP}&asOf=2014-01-01`)).map(pair)).toEqual([['2014-01-01', 2, 2]]);
    expect((await rows(`/indicators/households-active?ou=${TOWNSHIP}&asOf=2013-02-28`)).map((r) => r.numerator)).toEqual([3]);
  });

  it('keeps flows in the period the thing happened', async () => {
    expect((await rows(`/indicators/households-enrolled?ou=${TOWNSHIP}&pe=2012;2013`)).map((r) => [r.period, r.numerator])).toEqual([
      ['2012', 2],
    ]);
    expect((await rows(`/indicators/households-active?ou=${TOWNSHIP}&pe=2012Q1;2012;2013`)).map((r) => [r.period, r.numerator])).toEqual([
      ['2012', 3],
      ['2012Q1', 1],
      ['2013', 2],
    ]);
  });

  it('answers loans outstanding as a stock, in fen with yuan beside', async () => {
    const outstanding = await rows(`/indicators/loans-outstanding?ou=${TOWNSHIP}&pe=201205;2012;2013`);
    expect(outstanding.map((r) => [r.period, r.numerator, r.valueYuan, r.activeLoans])).toEqual([
      ['2012', 5_000_012, 50_000.12, 1],
      ['2013', 2_000_012, 20_000.12, 1],
    ]);
    const granted = await rows(`/indicators/loans-granted?ou=${TOWNSHIP}&pe=2012`);
    expect(granted[0]).toMatchObject({ principalFen: 5_000_012, principalYuan: 50_000.12, repaidYuan: 30_000 });
  });

  it('names the CSV file and rounds rates in it as documented', async () => {
    const csv = await get(`/indicators/certification-rate?ou=${TOWNSHIP}&pe=2013;2012&format=csv`).expect(200);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="certification-rate_${TOWNSHIP}_2013_2012.csv"`);
    const [header, ...lines] = csv.text.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => line.split(',')[header.split(',').indexOf('value')])).toEqual(['0', '0.5']);
    const list = (await get('/indicators').expect(200)).body.indicators as { name: string; aggregation: string; rounding: string }[];
    expect(Object.fromEntries(list.map((i) => [i.name, i.aggregation]))).toMatchObject({
      'certification-rate': 'stock',
      'households-active': 'stock',
      'loans-outstanding': 'stock',
      'households-enrolled': 'flow',
      'services-delivered': 'flow',
    });
    expect(list.find((i) => i.name === 'certification-rate')!.rounding).toMatch(/4 decimal places in CSV/);
  });

  it('finds the org unit by its Chinese or English name', async () => {
    const byCode = await rows('/indicators/households-active?ou=640106&pe=2013');
    expect(byCode).toHaveLength(1);
    for (const name of ['金凤区', 'Jinfeng District', 'jinfeng']) {
      expect(await rows(`/indicators/households-active?ou=${encodeURIComponent(name)}&pe=2013`)).toEqual(byCode);
    }
  });

  it.each([
    ['/indicators/households-active?ou=Nowhere%20District', /no org unit is named "Nowhere District"/],
    ['/indicators/services-delivered?asOf=2013-12-31', /asOf is for stocks/],
    ['/indicators/certification-rate?asOf=2013-02-30', /asOf "2013-02-30" is not a local date/],
    ['/indicators/certification-rate?asOf=2013-12-31&pe=2013', /pe or asOf, not both/],
  ])('refuses %s with a problem naming the value, writing nothing', async (path, detail) => {
    const before = await logLength(app);
    const refused = await get(path)
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(refused.body.detail).toMatch(detail);
    expect(await logLength(app)).toBe(before);
  });

  async function household(at: string): Promise<string> {
    const householdId = randomUUID();
    await append(
      householdId,
      'HouseholdEnrolled',
      { householdId, villageCode: VILLAGE, category: 'stable', members: 3, head: { name: 'Ma Lan' }, enrolmentYear: 2012, batch: 1 },
      at,
    );
    return householdId;
  }

  async function append(householdId: string, type: string, data: JsonObject, at: string): Promise<void> {
    await app.runtime.eventStore.appendToStream(`household-${householdId}`, [event(type, data, at)]);
  }
});

function event(type: string, data: JsonObject, occurredAt: string): EventToAppend {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: 'stocks-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt },
  };
}
