import { CAMPAIGN_FIGURES } from './figures';
import { lastGrantMonth } from './loan-sizes';
import { CampaignPlan } from './plan';

const loansOf = (plan: CampaignPlan) => [...plan.loans.values()].flat();

describe('the loan book over a short calendar', () => {
  it.each([1, 2, 3])("grants no loan, first loans included, after the calendar's last month of grants (%i years)", (years) => {
    const plan = new CampaignPlan({ seed: 1, households: 7_020, years });
    const late = loansOf(plan).filter((loan) => loan.grantMonth > lastGrantMonth(plan.months));
    expect(late.map((loan) => [loan.householdIndex, loan.grantMonth])).toEqual([]);
    for (const loan of loansOf(plan)) expect(loan.grantMonth).toBeGreaterThan(plan.profile(loan.householdIndex).enrolMonth);
  });

  it("still lends to the report's people, distinct households, 1,300-odd women and 200-odd youth per 70,200", () => {
    const plan = new CampaignPlan({ seed: 1, households: CAMPAIGN_FIGURES.households, years: 2 });
    const books = [...plan.loans.values()];
    const borrowers = (group: string) => books.filter((loans) => loans[0].group === group).length;
    expect([borrowers('woman'), borrowers('youth')]).toEqual([1_320, 215]);
  });

  it('plans the same book from the same seed', () => {
    const plan = () => JSON.stringify([...new CampaignPlan({ seed: 4, households: 7_020, years: 2 }).loans]);
    expect(plan()).toEqual(plan());
  });
});
