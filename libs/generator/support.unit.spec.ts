import { CampaignPlan, generateCampaign } from '.';
import { InMemoryDecisions } from './in-memory';
import { GUARANTEE_FUND } from './figures';
import { planSupport, SUPPORT_FIGURES, supportTotals } from './support';

describe('support handed out in the synthetic campaign', () => {
  it("reproduces the report's figures at full scale: >10 million yuan of incentive payments, 2 million of donations, 1,400+ wheelchairs", () => {
    const totals = supportTotals(70_200);
    const incentives = totals['award-support'].fen + totals['special-support'].fen + totals['fewer-births-prosperity'].fen;
    expect(incentives).toBe(1_026_000_000);
    expect(totals['donated-equipment-medicines'].fen).toBe(200_000_000);
    expect(totals['donated-wheelchairs'].units).toBe(1_420);
    expect(Object.values(totals).reduce((sum, t) => sum + t.fen, 0)).toBe(1_226_000_000);
  });

  it("pays households nothing from the rural women's loan guarantee fund: its 10 million yuan backs loans", () => {
    expect(GUARANTEE_FUND).toMatchObject({ capitalFen: 1_000_000_000, backsLoanProgramme: 'womens-micro-loan' });
    expect(Object.keys(SUPPORT_FIGURES)).not.toContain(GUARANTEE_FUND.supportProgrammeCode);
    const grants = planSupport(new CampaignPlan({ seed: 1, households: 70_200, years: 1 }));
    expect(grants.filter((g) => g.programmeCode === GUARANTEE_FUND.supportProgrammeCode)).toEqual([]);
    expect(new Set(grants.map((g) => g.programmeCode))).toEqual(new Set(Object.keys(SUPPORT_FIGURES)));
  });

  it('plans exactly those grants, each to a household enrolled before it, within the first programme years', () => {
    const plan = new CampaignPlan({ seed: 3, households: 7_020, years: 2 });
    const grants = planSupport(plan);
    const sum = (code: string, pick: (g: { amountFen: number; units: number }) => number) =>
      grants.filter((g) => g.programmeCode === code).reduce((total, g) => total + pick(g), 0);
    const totals = supportTotals(7_020);
    for (const code of Object.keys(totals)) {
      expect(sum(code, (g) => g.amountFen)).toBe(totals[code].fen);
      expect(sum(code, (g) => g.units)).toBe(totals[code].units);
    }
    for (const g of grants) expect(new Date(g.at).getUTCFullYear()).toBeLessThanOrEqual(2013);
  });

  it('is accepted by the support decider: every grant delivered in full, nothing refused', () => {
    const decisions = new InMemoryDecisions();
    const delivered = new Map<string, number>();
    for (const item of generateCampaign({ seed: 5, households: 702, years: 1 }, { programme: false })) {
      for (const event of decisions.decide(item)) {
        if (event.type !== 'SupportDelivered') continue;
        const { programmeCode, amountFen, units } = event.data as { programmeCode: string; amountFen: number; units: number };
        delivered.set(programmeCode, (delivered.get(programmeCode) ?? 0) + amountFen + units);
      }
    }
    const totals = supportTotals(702);
    expect(Object.fromEntries(delivered)).toEqual(Object.fromEntries(Object.entries(totals).map(([code, t]) => [code, t.fen + t.units])));
  });
});
