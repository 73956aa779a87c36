import { CampaignPlan } from './plan';

describe('the synthetic city at full size', () => {
  const plan = new CampaignPlan({ seed: 1, households: 70_200, years: 4 });
  const { villages } = plan.city;

  it('enrols 70,200 households in 2012, households [0, 70,200), all in villages designated pilots that January', () => {
    expect(villages.reduce((sum, v) => sum + v.enrolments[0], 0)).toBe(70_200);
    for (const index of [0, 35_000, 70_199]) expect(plan.profile(index).enrolMonth).toBeLessThan(12);
    expect(plan.profile(70_200).enrolMonth).toBeGreaterThanOrEqual(12);
    expect(villages.filter((v) => v.enrolments[0] > 0 && v.pilotFrom !== 0)).toEqual([]);
  });

  it('designates at least 15% of each township’s villages, each enrolling at least 15% of its households in 2012', () => {
    const townships = new Map<string, { villages: number; pilots: number }>();
    for (const v of villages) {
      const t = townships.get(v.townshipCode) ?? { villages: 0, pilots: 0 };
      townships.set(v.townshipCode, { villages: t.villages + 1, pilots: t.pilots + (v.pilotFrom === 0 ? 1 : 0) });
    }
    expect([...townships.values()].filter((t) => t.pilots < 0.15 * t.villages)).toEqual([]);
    expect(villages.filter((v) => v.pilotFrom === 0 && v.enrolments[0] < 0.15 * v.register[0])).toEqual([]);
  });

  it('enrols later cohorts only in designated villages, never more than live there, 70% of the city by 2015', () => {
    for (const v of villages) {
      for (let year = 1; year < 4; year++) if (v.enrolments[year] > 0) expect(v.pilotFrom).toBeLessThanOrEqual(year);
      expect(v.enrolments.reduce((a, n) => a + n, 0)).toBeLessThanOrEqual(v.register[3]);
    }
    const city2015 = villages.reduce((sum, v) => sum + v.register[3], 0);
    expect(plan.households / city2015).toBeCloseTo(0.7, 3);
  });
});
