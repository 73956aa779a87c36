/**
 * The synthetic city the campaign runs in, fixed before its first month (the seed report's rules):
 * - a household register per village and year, scaled so the first year's cohort (the plan's `households`,
 *   70,200 at full size) is a set share of the city's households;
 * - pilot villages chosen per township in the first January (at least 15% of its villages), each enrolling
 *   at least 15% of its households in the first year; every other village designated in a later January;
 * - later cohorts in every designated village, so that by the last year enough of the city is enrolled
 *   (and then certified) to meet the goal of 60% of all households.
 * Households are numbered cohort by cohort: [0, first cohort) enrol in the first year, and so on.
 */
import { OrgUnit } from '../reference-data/types';
import { referenceData } from '../reference-data';
import { apportion } from './apportion';
import { CITY_FIGURES as C } from './figures';
import { Random } from './random';

export interface CityVillage {
  unit: OrgUnit;
  townshipCode: string;
  /** Households living in the village, by year of the plan (index 0 = the first year). */
  register: number[];
  /** The plan year it is designated a pilot village in (0 = the first January), undefined if never. */
  pilotFrom?: number;
  /** Households enrolled there, by plan year. */
  enrolments: number[];
}

interface Block {
  start: number;
  village: CityVillage;
  year: number;
}

export class SyntheticCity {
  readonly villages: CityVillage[];
  /** Households enrolled over all the plan's years. */
  readonly households: number;
  private readonly blocks: Block[] = [];

  constructor(seed: number, firstCohort: number, years: number) {
    const units = referenceData.unitsAt('village');
    const weights = units.map((v) => 0.5 + Random.for(seed, 'village', v.code).next());
    const register = registerByYear(weights, Math.round(firstCohort / C.firstCohortShareOfCity), years);
    this.villages = units.map((unit, i) => ({ unit, townshipCode: unit.parent!, register: register[i], enrolments: Array(years).fill(0) }));
    choosePilots(seed, this.villages);
    enrolFirstCohort(this.villages, firstCohort);
    enrolLaterCohorts(seed, this.villages, years);
    let start = 0;
    for (let year = 0; year < years; year++)
      for (const village of this.villages) {
        if (village.enrolments[year] === 0) continue;
        this.blocks.push({ start, village, year });
        start += village.enrolments[year];
      }
    this.households = start;
  }

  /** Where household `index` lives and the plan year it enrols in. */
  householdAt(index: number): { village: CityVillage; year: number } {
    let [lo, hi] = [0, this.blocks.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.blocks[mid].start <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.blocks[lo];
  }
}

/** The first year's households apportioned by village weight, then each year's growth apportioned the same way. */
function registerByYear(weights: number[], firstYearTotal: number, years: number): number[][] {
  const counts = apportion(firstYearTotal, weights).map((n) => [n]);
  let total = firstYearTotal;
  for (let year = 1; year < years; year++) {
    const next = Math.round(firstYearTotal * (1 + C.registerYearlyGrowth) ** year);
    const growth = apportion(next - total, weights);
    counts.forEach((byYear, i) => byYear.push(byYear[year - 1] + growth[i]));
    total = next;
  }
  return counts;
}

/** Per township, villages in a seeded order favouring the larger, until they hold the set share of its households. */
function choosePilots(seed: number, villages: CityVillage[]): void {
  const byTownship = new Map<string, CityVillage[]>();
  for (const v of villages) byTownship.set(v.townshipCode, [...(byTownship.get(v.townshipCode) ?? []), v]);
  for (const [code, township] of byTownship) {
    const random = Random.for(seed, 'pilots', code);
    // Weighted sampling without replacement (Efraimidis-Spirakis): key u^(1/w), largest first.
    const keyed = township.map((v) => ({ v, key: random.next() ** (1 / v.register[0]) })).sort((a, b) => b.key - a.key);
    const households = township.reduce((sum, v) => sum + v.register[0], 0);
    const least = Math.ceil(C.minimumPilotVillageShare * township.length);
    let held = 0;
    for (const [n, { v }] of keyed.entries()) {
      if (n >= least && held >= C.pilotHouseholdShare * households) break;
      v.pilotFrom = 0;
      held += v.register[0];
    }
  }
}

/** At least 15% of each pilot village's households, the rest of the cohort in proportion to what is left. */
function enrolFirstCohort(villages: CityVillage[], cohort: number): void {
  const pilots = villages.filter((v) => v.pilotFrom === 0);
  const least = pilots.map((v) => Math.ceil(C.minimumTargetShare * v.register[0]));
  const rest = cohort - least.reduce((a, n) => a + n, 0);
  if (rest < 0) {
    // Too few households (a handful per village) for whole households to make 15% everywhere: in proportion only.
    apportion(
      cohort,
      pilots.map((v) => v.register[0]),
    ).forEach((n, i) => (pilots[i].enrolments[0] = n));
    return;
  }
  const more = apportion(
    rest,
    pilots.map((v, i) => v.register[0] - least[i]),
  );
  pilots.forEach((v, i) => (v.enrolments[0] = least[i] + more[i]));
}

/** The households still to enrol for the goal, by how far each village is from it, spread over its designated years. */
function enrolLaterCohorts(seed: number, villages: CityVillage[], years: number): void {
  if (years < 2) return;
  const last = years - 1;
  for (const v of villages) v.pilotFrom ??= Random.for(seed, 'pilot-year', v.unit.code).int(1, last);
  const goal = Math.round(C.enrolledShareByLastYear * villages.reduce((sum, v) => sum + v.register[last], 0));
  const first = villages.reduce((sum, v) => sum + v.enrolments[0], 0);
  const shortOf = villages.map((v) => Math.max(0, C.enrolledShareByLastYear * v.register[last] - v.enrolments[0]));
  const later = apportion(Math.max(0, goal - first), shortOf);
  villages.forEach((v, i) => {
    const room = Math.min(later[i], v.register[last] - v.enrolments[0]);
    const from = Math.max(1, v.pilotFrom!);
    const byYear = apportion(
      room,
      Array.from({ length: years - from }, () => 1),
    );
    byYear.forEach((n, k) => (v.enrolments[from + k] = n));
  });
}
