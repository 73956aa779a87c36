import { CampaignPlan, CampaignTally, generatePlanned } from '.';
import { InMemoryDecisions } from './in-memory';

describe('the figures of a generated campaign', () => {
  const plan = new CampaignPlan({ seed: 3, households: 500, years: 4 });
  const register = { '2012': 1_000, '2015': 2_000 };
  const tally = new CampaignTally(plan.reference, register);
  const decisions = new InMemoryDecisions();
  const certifiedIds = new Set<unknown>();
  let active = 0;
  for (const item of generatePlanned(plan)) {
    for (const event of decisions.decide(item)) {
      tally.add(event, event.metadata.occurredAt);
      const { householdId } = event.data as { householdId?: string };
      if (event.type === 'HouseholdCertified') certifiedIds.add(householdId);
      if (event.type === 'CertificationRevoked') certifiedIds.delete(householdId);
      if (event.type === 'HouseholdEnrolled') active++;
      if (event.type === 'HouseholdWithdrawn') {
        active--;
        certifiedIds.delete(householdId);
      }
    }
  }
  const certified = certifiedIds.size;

  it('counts the loan book as the plan made it, by borrower group, each borrower once however often she borrows', () => {
    for (const group of ['woman', 'youth']) {
      const planned = [...plan.loans.values()].flat().filter((l) => l.group === group);
      expect(tally.loans[group]).toEqual({
        loans: planned.length,
        borrowers: new Set(planned.map((l) => l.householdId)).size,
        principalFen: planned.reduce((sum, l) => sum + l.principalFen, 0),
        partnerships: planned.filter((l) => l.partners !== undefined).length,
      });
    }
    // At this size too, some borrowers took a further loan after repaying one.
    expect(tally.loans.woman.loans).toBeGreaterThan(tally.loans.woman.borrowers);
  });

  it('counts certification net of revocations and withdrawals, year by year, as the indicators do', () => {
    const shares = tally.certifiedShares();
    expect(shares.map(([year]) => year)).toEqual(['2012', '2013', '2014', '2015']);
    expect(shares[3][1]).toBeCloseTo(certified / active, 10);
    expect(tally.certifiedOfCity()[3][1]).toBeCloseTo(certified / 2_000, 10);
    for (let i = 1; i < shares.length; i++) expect(shares[i][1]).toBeGreaterThan(shares[i - 1][1]);
  });

  it('says where the households are and how satisfied they were', () => {
    const lines = tally.describe();
    expect(lines[0]).toMatch(
      /^households: [\d,]+ enrolled in 6 districts and \d+ villages \(developing \d+, stable \d+, elderly \d+, new-urban \d+\)/,
    );
    expect(lines[1]).toMatch(/under 5 focus areas; services: [\d,]+ from 2\d departments$/);
    expect(tally.satisfiedShare()).toBeGreaterThan(0.85);
    // The satisfaction-rate indicator's definition: satisfied over valid responses, no-answer left out.
    const { satisfied = 0, neutral = 0, dissatisfied = 0 } = tally.responses;
    expect(tally.responses['no-answer']).toBeGreaterThan(0);
    expect(tally.satisfiedShare()).toBe(satisfied / (satisfied + neutral + dissatisfied));
    expect(lines.find((line) => line.startsWith('supervision:'))).toMatch(/^supervision: 6 supervisors, 288 visits, 138 bulletins/);
    expect(lines.find((line) => line.startsWith('cohorts:'))).toMatch(/^cohorts: 500 enrolled in 2012, [\d,]+ enrolled in 2013/);
  });

  it('counts the group activities by kind, with their materials and cost', () => {
    expect(tally.activities['three-checks-round']).toEqual(expect.objectContaining({ activities: 1_020, attendance: 235_000 }));
    expect(tally.materials).toEqual({ boards: 1_080, walls: 1_040, billboards: 20, lightBoxes: 1_760 });
    expect(tally.describe()).toContainEqual(expect.stringMatching(/^activities: 4,721 held by 22 departments; .* costing 5,140,000 yuan$/));
  });
});
