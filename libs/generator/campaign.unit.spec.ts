import { CAMPAIGN_FIGURES, CampaignItem, CampaignPlan, generateCampaign, generateInShards, generatePlanned } from '.';
import { InMemoryDecisions } from './in-memory';
import { isResidentIdNumber } from '../domain/shared/resident-id';
import { principalCapFen } from '../domain/loan/caps';

const small = { seed: 1, households: 150, years: 4 };

function byStream(items: Iterable<CampaignItem>): Map<string, CampaignItem[]> {
  const streams = new Map<string, CampaignItem[]>();
  for (const item of items) streams.set(item.stream, [...(streams.get(item.stream) ?? []), item]);
  return streams;
}

describe('the synthetic campaign', () => {
  it('gives the same commands, ids included, for the same seed', () => {
    expect([...generateCampaign(small)]).toEqual([...generateCampaign(small)]);
  });

  it('gives different households for a different seed', () => {
    const first = (seed: number) => generateCampaign({ ...small, seed }).next().value as CampaignItem;
    expect(first(1).command.metadata.commandId).not.toEqual(first(2).command.metadata.commandId);
  });

  it('is accepted command by command by the real deciders, in time order inside the 2012-2015 calendar', () => {
    const decisions = new InMemoryDecisions();
    let previous = '';
    const types = new Set<string>();
    for (const item of generateCampaign(small)) {
      const at = item.command.metadata.occurredAt;
      expect(at >= previous && at >= '2012-01-01' && at < '2016-01-01').toBe(true);
      previous = at;
      for (const event of decisions.decide(item)) types.add(event.type);
    }
    expect([...types].sort()).toEqual(
      expect.arrayContaining([
        'BulletinIssued',
        'CaseClosed',
        'CaseOpened',
        'GroupActivityHeld',
        'HouseholdCertified',
        'HouseholdEnrolled',
        'LoanGranted',
        'LoanRepaid',
        'LoanRepaymentRecorded',
        'NeedRecorded',
        'PilotVillageDesignated',
        'ResponsibilityAssigned',
        'SatisfactionRecorded',
        'ServiceDelivered',
        'SupervisionVisitRecorded',
        'SupervisorAssigned',
      ]),
    );
  });

  it('generates each stream the same way whichever range of households it is generated in', () => {
    const whole = byStream(generateCampaign(small));
    const shards = byStream([
      ...generateCampaign(small, { range: { from: 0, to: 60 } }),
      ...generateCampaign(small, { range: { from: 60, to: new CampaignPlan(small).households }, programme: false }),
    ]);
    expect(shards).toEqual(whole);
    expect(byStream(generateInShards(new CampaignPlan(small), 40))).toEqual(whole);
  });

  it('keeps the figures of the programme: shares of categories, satisfaction (no-answers excluded) and the 60% goal', () => {
    const plan = new CampaignPlan({ seed: 7, households: 500, years: 4 });
    const counts: Record<string, number> = {};
    const responses: Record<string, number> = {};
    const decisions = new InMemoryDecisions();
    for (const item of generatePlanned(plan)) {
      for (const event of decisions.decide(item)) {
        counts[event.type] = (counts[event.type] ?? 0) + 1;
        if (event.type === 'HouseholdEnrolled')
          counts[`category:${event.data.category}`] = (counts[`category:${event.data.category}`] ?? 0) + 1;
        if (event.type === 'SatisfactionRecorded')
          responses[event.data.response as string] = (responses[event.data.response as string] ?? 0) + 1;
      }
    }
    expect(counts.HouseholdEnrolled).toBe(plan.households);
    for (const [category, share] of Object.entries(CAMPAIGN_FIGURES.categoryShares)) {
      expect(Math.abs(counts[`category:${category}`] / plan.households - share)).toBeLessThan(0.03);
    }
    const valid = responses.satisfied + responses.neutral + responses.dissatisfied;
    expect(Math.abs(responses.satisfied / valid - 0.9)).toBeLessThan(0.005);
    const city2015 = plan.city.villages.reduce((sum, v) => sum + v.register[3], 0);
    const certified = counts.HouseholdCertified - (counts.CertificationRevoked ?? 0) - (counts.HouseholdWithdrawn ?? 0);
    expect(certified / city2015).toBeGreaterThanOrEqual(0.6);
    expect(counts.ServiceDelivered).toBeGreaterThan(counts.NeedRecorded * 0.9);
  }, 300_000);

  it("plans the loan book at the real size: the report's 1,300-odd women and 200-odd young borrowers, 164 million yuan to the thousand, within the caps, in fen", () => {
    const plan = new CampaignPlan({ seed: 1, households: CAMPAIGN_FIGURES.households, years: 4 });
    const books = [...plan.loans.values()];
    const borrowers = (group: string) => books.filter((loans) => loans[0].group === group).length;
    expect([borrowers('woman'), borrowers('youth')]).toEqual([1_320, 215]);
    // The report's people ("1300余名女性创业者、200余名创业青年"), within 10%: a borrower counts once however often she borrows.
    expect(Math.abs(borrowers('woman') / 1_300 - 1)).toBeLessThan(0.1);
    expect(Math.abs(borrowers('youth') / 200 - 1)).toBeLessThan(0.1);
    const loans = books.flat();
    for (const loan of loans) {
      const programme = plan.reference.loanProgramme(loan.programmeCode)!;
      expect(
        Number.isSafeInteger(loan.principalFen) && loan.principalFen > 0 && loan.principalFen <= principalCapFen(programme, loan.partners),
      ).toBe(true);
      expect(programme.borrowerGroups).toContain(loan.group);
      expect(loan.termMonths).toBeLessThanOrEqual(programme.maxTermMonths);
      expect(loan.grantMonth > plan.profile(loan.householdIndex).enrolMonth && loan.grantMonth < plan.months).toBe(true);
    }
    const totalFen = loans.reduce((sum, l) => sum + l.principalFen, 0);
    expect(Math.abs(totalFen - CAMPAIGN_FIGURES.reportedLoanTotalFen)).toBeLessThan(100_000);
    // "累计": the rest is lent again to borrowers who repaid on schedule, one loan at a time; no partnerships are needed.
    for (const book of books) {
      expect(new Set(book.map((l) => [l.householdId, l.group, l.programmeCode].join())).size).toBe(1);
      for (let i = 1; i < book.length; i++) {
        expect(book[i - 1].paidBeforeDefault).toBeUndefined();
        expect(book[i].grantMonth).toBeGreaterThan(book[i - 1].grantMonth + book[i - 1].termMonths);
      }
    }
    expect(loans.length).toBeGreaterThan(books.length);
    expect(loans.filter((l) => l.partners !== undefined)).toEqual([]);
    expect(new Set(loans.map((l) => l.loanId)).size).toBe(loans.length);
  });

  it('spreads households over all 386 villages of the 6 districts', () => {
    const plan = new CampaignPlan({ seed: 1, households: 20_000, years: 4 });
    const villages = new Set<string>();
    const districts = new Set<string>();
    for (let i = 0; i < plan.households; i++) {
      const profile = plan.profile(i);
      villages.add(profile.village.code);
      districts.add(profile.districtCode);
      if (i < 100) expect(isResidentIdNumber(profile.head.idNumber)).toBe(true);
    }
    expect(villages.size).toBe(386);
    expect(districts.size).toBe(6);
  });
});

describe('deciding the campaign in memory', () => {
  it('names a refused command by its stream and rule, not by its message', () => {
    const decisions = new InMemoryDecisions();
    const enrolment = [...generateCampaign({ seed: 1, households: 3, years: 1 })].find((item) => item.command.type === 'EnrollHousehold')!;
    decisions.decide(enrolment);
    expect(() => decisions.decide(enrolment)).toThrow(
      `generated EnrollHousehold refused on ${enrolment.stream}: rule household-already-enrolled`,
    );
  });

  it('hands each stream its pending events once, with the revision the append expects', () => {
    const decisions = new InMemoryDecisions();
    const items = [...generateCampaign({ seed: 1, households: 2, years: 1 }, { programme: false })];
    const stream = items[0].stream;
    const ofStream = items.filter((item) => item.stream === stream);
    decisions.decide(ofStream[0]);
    expect([...decisions.drain()].map((a) => [a.stream, a.events.length, a.expectedRevision])).toEqual([[stream, 1, 'no_stream']]);
    for (const item of ofStream.slice(1, 3)) decisions.decide(item);
    expect([...decisions.drain()].map((a) => [a.stream, a.events.length, a.expectedRevision])).toEqual([[stream, 2, 0n]]);
    expect([...decisions.drain()]).toEqual([]);
  });
});
