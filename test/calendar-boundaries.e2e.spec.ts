/**
 * One calendar, the city's: events at the edges of a local month, bimonth and year count in the local
 * period in every indicator, whatever their UTC date says. 21:00 UTC on 31 March is 05:00 on 1 April in
 * Yinchuan; 17:00 UTC on 30 April is 1 May (bimonth 03B); 17:00 UTC on 31 December 2012 is 2013.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EventToAppend, JsonObject } from '@libs/event-store';
import { projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';

const READ_MODELS = ['category-counts', 'needs-status', 'service-deliveries', 'satisfaction-rates', 'loan-portfolio'];

/** Each edge gets a village of its own, so its rows are told apart by org unit. */
const EDGES = [
  {
    village: '640104001001',
    at: '2012-03-31T21:00:00.000Z',
    inPeriods: ['201204', '2012Q2', '201202B', '2012'],
    notIn: ['201203', '2012Q1'],
  },
  { village: '640104001002', at: '2012-04-30T17:00:00.000Z', inPeriods: ['201205', '201203B', '2012Q2'], notIn: ['201204', '201202B'] },
  {
    village: '640104002001',
    at: '2012-12-31T17:00:00.000Z',
    inPeriods: ['201301', '2013', '2013Q1', '201301B'],
    notIn: ['2012', '201212', '2012Q4', '201206B'],
  },
  // Just before local midnight: still the last local day of March, though UTC agrees here.
  { village: '640105001001', at: '2012-03-31T15:30:00.000Z', inPeriods: ['201203', '2012Q1', '201202B'], notIn: ['201204', '2012Q2'] },
];

/** Indicator -> what one household's events at an edge add to it. */
const INDICATORS: [string, (row: Record<string, unknown>) => unknown, unknown][] = [
  ['households-enrolled', (r) => r.numerator, 1],
  ['needs-recorded', (r) => r.numerator, 1],
  ['services-delivered', (r) => r.numerator, 1],
  ['satisfaction-rate', (r) => [r.numerator, r.denominator], [1, 1]],
  ['loans-granted', (r) => r.numerator, 1],
  ['loan-principal-granted', (r) => r.numerator, 5_000_000],
];

describe('the programme calendar in every indicator', () => {
  let app: TestApp;
  const get = (path: string) => request(app.http).get(path);

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    for (const edge of EDGES) await householdAt(app, edge.village, edge.at);
    await projectionsCaughtUp(app, READ_MODELS);
  });
  afterAll(() => app.close());

  for (const edge of EDGES) {
    for (const [indicator, read, expected] of INDICATORS) {
      it(`${indicator}: an event at ${edge.at} counts in ${edge.inPeriods.join(', ')} and not in ${edge.notIn.join(', ')}`, async () => {
        for (const pe of edge.inPeriods) {
          const { body } = await get(`/indicators/${indicator}?ou=${edge.village}&pe=${pe}`).expect(200);
          expect({ pe, values: body.rows.map(read) }).toEqual({ pe, values: [expected] });
        }
        for (const pe of edge.notIn) {
          const { body } = await get(`/indicators/${indicator}?ou=${edge.village}&pe=${pe}`).expect(200);
          expect({ pe, values: body.rows.map(read).filter((v: unknown) => v !== 0 && JSON.stringify(v) !== '[0,0]') }).toEqual({
            pe,
            values: [],
          });
        }
      });
    }
  }

  it('answers CSV in the same local periods', async () => {
    const { text } = await get(`/indicators/services-delivered?ou=${EDGES[0].village}&pe=201204`).set('accept', 'text/csv').expect(200);
    expect(text.trim().split('\n')).toHaveLength(2);
  });
});

async function householdAt(app: TestApp, villageCode: string, occurredAt: string): Promise<void> {
  const householdId = randomUUID();
  const [needId, serviceId, loanId] = [randomUUID(), randomUUID(), randomUUID()];
  const event = (type: string, data: JsonObject): EventToAppend => ({
    id: randomUUID(),
    type,
    data,
    metadata: { actor: 'calendar-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt },
  });
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
    event('ServiceDelivered', {
      householdId,
      serviceId,
      needId,
      departmentCode: 'health',
      serviceTypeCode: 'health-check',
      focusArea: 'health',
      deliveredAt: occurredAt,
    }),
    event('SatisfactionRecorded', {
      householdId,
      serviceId,
      response: 'satisfied',
      departmentCode: 'health',
      serviceTypeCode: 'health-check',
      focusArea: 'health',
    }),
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
