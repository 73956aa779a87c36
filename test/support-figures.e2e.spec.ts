/**
 * The generator's support figures at a hundredth of the campaign (702 households), driven through the real
 * command path into the running service: the indicators the API answers are the report's figures scaled
 * (libs/generator/support.ts), by programme, whole city, the programme year 2012.
 */
import request from 'supertest';
import { CampaignPlan, generatePlanned } from '@libs/generator';
import { GUARANTEE_FUND } from '@libs/generator/figures';
import { supportTotals } from '@libs/generator/support';
import { loadByCommands } from '../scripts/generate/by-commands';
import { eventually, startTestApp, TestApp } from './support/test-app';

const HOUSEHOLDS = 702;
// Only what support depends on: the households' enrolment, category and withdrawal, and the support streams.
const NEEDED = new Set(['EnrollHousehold', 'RecategorizeHousehold', 'WithdrawHousehold']);

describe("the generator's support figures through the API", () => {
  let app: TestApp;
  const byProgramme = async (indicator: string) => {
    const { body } = await request(app.http).get(`/indicators/${indicator}?ou=640100&pe=2012&by=programme`).expect(200);
    return Object.fromEntries((body.rows as { programme: string; numerator: number }[]).map((r) => [r.programme, r.numerator]));
  };

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    const plan = new CampaignPlan({ seed: 11, households: HOUSEHOLDS, years: 1 });
    const items = [...generatePlanned(plan, { programme: false })].filter(
      (item) => item.stream.startsWith('support-') || NEEDED.has(item.command.type),
    );
    await loadByCommands(app.runtime.eventStore, items, { concurrency: 8 });
  }, 300_000);
  afterAll(() => app.close());

  it('answers the scaled figures of each programme: money handed out, goods, grants', async () => {
    const totals = supportTotals(HOUSEHOLDS);
    const expected = (pick: (t: { grants: number; fen: number; units: number }) => number) =>
      Object.fromEntries(Object.entries(totals).map(([code, t]) => [code, pick(t)]));
    // Deliveries follow their grants in the log: once the money handed out is all there, so is the rest.
    await eventually(async () => expect(await byProgramme('support-handed-out')).toEqual(expected((t) => t.fen)), 60_000);
    expect(await byProgramme('support-grants')).toEqual(expected((t) => t.grants));
    expect(await byProgramme('support-granted')).toEqual(expected((t) => t.fen));
    const units = await byProgramme('support-units-handed-out');
    expect(units).toMatchObject({ 'donated-wheelchairs': totals['donated-wheelchairs'].units, 'award-support': 0 });
    // At full scale: 10.26 million yuan of incentive payments, 2 million donated, 1,420 wheelchairs.
    const money = await byProgramme('support-handed-out');
    const incentives = money['award-support'] + money['special-support'] + money['fewer-births-prosperity'];
    expect(incentives).toBe(totals['award-support'].fen + totals['special-support'].fen + totals['fewer-births-prosperity'].fen);
    // The rural women's 10 million yuan is a loan guarantee fund placed with the lenders: no household is paid from it.
    expect(Object.keys(money)).not.toContain(GUARANTEE_FUND.supportProgrammeCode);
    expect(Object.keys(await byProgramme('support-grants'))).not.toContain(GUARANTEE_FUND.supportProgrammeCode);
  });

  it('breaks the same money down by household category without losing any', async () => {
    const { body } = await request(app.http).get('/indicators/support-handed-out?ou=640100&pe=2012&by=category').expect(200);
    const total = (body.rows as { numerator: number }[]).reduce((sum, r) => sum + r.numerator, 0);
    expect(total).toBe(Object.values(supportTotals(HOUSEHOLDS)).reduce((sum, t) => sum + t.fen, 0));
  });
});
