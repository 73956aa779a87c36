/**
 * Enrolment against the target compares like with like: over several programme years (or all time) only the
 * years with a target for the unit count, on both sides. A cohort of a year without a target (the generator's
 * 2013-2015 cohorts, targets only for 2012) was counted against 2012's target alone.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { formatPosition } from '@libs/event-store';
import { acknowledgedHead } from '@libs/read-sources';
import { seedCampaign } from '@projections/shared/testing/campaign-seed';
import { eventually, startTestApp, TestApp } from './support/test-app';

describe('enrolment against the target over several years', () => {
  let app: TestApp;
  let auditor: string;
  // An auditor sees the district's figures whole (no small cells withheld).
  const get = (path: string) => request(app.http).get(path).set('Authorization', `Bearer ${auditor}`);

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    auditor = await app.token('auditor', { ou: '640100' });
    await seedCampaign(app.runtime.eventStore, app.runtime.dataSource);
    // A 2013 cohort household in Xingqing, where only 2012 has a target (4 households; 5 of 2012 enrolled).
    const householdId = randomUUID();
    await app.runtime.eventStore.appendToStream(`household-${householdId}`, [
      {
        id: randomUUID(),
        type: 'HouseholdEnrolled',
        data: {
          householdId,
          villageCode: '640104001001',
          category: 'stable',
          members: 3,
          head: { name: 'Ma Lan' },
          enrolmentYear: 2013,
          batch: 2,
        },
        metadata: { actor: 'targets-test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2013-03-05T02:00:00.000Z' },
      },
    ]);
    const head = formatPosition((await acknowledgedHead(app.runtime.eventStore, 30_000))!);
    await eventually(() => get(`/indicators/households-enrolled?minPosition=${head}`).expect(200), 30_000);
  });
  afterAll(() => app.close());

  const figures = async (path: string) =>
    ((await get(path).expect(200)).body.rows as Record<string, unknown>[]).map((r) => [r.orgUnit, r.numerator, r.denominator]);

  it('counts the 2013 cohort in 2013 and against no target, not against 2012 over a span or all time', async () => {
    expect(await figures('/indicators/households-enrolled?level=district&pe=2013')).toEqual([['640104', 1, null]]);
    const in2012 = [['640104', 5, 4]];
    expect(await figures('/indicators/enrolment-vs-target?level=district&pe=2012')).toEqual(in2012);
    expect(await figures('/indicators/enrolment-vs-target?level=district&pe=2012:2013')).toEqual(in2012);
    expect(await figures('/indicators/enrolment-vs-target?level=district')).toEqual(in2012);
  });
});
