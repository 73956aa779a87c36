import { InMemoryDecisions } from './in-memory';
import { CampaignPlan } from './plan';
import { SCREENING_FIGURES, screeningsPart, screeningTargets } from './screenings';

/** Every event the part's commands give, decided by the real screening decider, counted by type. */
function generated(plan: CampaignPlan): Record<string, number> {
  const monthOf = screeningsPart.start(plan);
  const decisions = new InMemoryDecisions();
  const counts: Record<string, number> = {};
  for (let month = 0; month < plan.months; month++) {
    const items = monthOf(month).sort((a, b) => a.at - b.at || a.sequence - b.sequence);
    for (const item of items) for (const event of decisions.decide(item)) counts[event.type] = (counts[event.type] ?? 0) + 1;
  }
  return counts;
}

describe('the generated screening chain', () => {
  it("reproduces the report's figures at full scale, every command accepted by the decider", () => {
    const counts = generated(new CampaignPlan({ seed: 1, households: 70_200, years: 4 }));
    expect({
      checked: counts.PrePregnancyCheckDone,
      fiveItemTests: counts.FiveItemTestDone,
      twoItemScreenings: counts.TwoItemScreeningDone,
      highRisk: counts.HighRiskFound,
      counselled: counts.GeneticCounsellingTaken,
    }).toEqual(SCREENING_FIGURES);
    expect(counts.GeneticCounsellingOffered).toBe(SCREENING_FIGURES.highRisk);
  });

  it('scales the figures with the campaign, and gives the same commands for the same seed', () => {
    const plan = new CampaignPlan({ seed: 3, households: 702, years: 1 });
    expect(screeningTargets(plan)).toEqual({ checked: 29, fiveItemTests: 62, twoItemScreenings: 78, highRisk: 5, counselled: 2 });
    expect(generated(plan).HighRiskFound).toBe(5);
    const commands = (p: CampaignPlan) =>
      [...Array(p.months).keys()].flatMap((m) =>
        screeningsPart
          .start(p)(m)
          .map((i) => i.command),
      );
    expect(commands(plan)).toEqual(commands(new CampaignPlan({ seed: 3, households: 702, years: 1 })));
  });
});
