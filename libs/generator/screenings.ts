/**
 * The birth-defect screening chain of the seed report, generated: 2,854 couples given the free
 * pre-pregnancy check, 6,190 five-item tests, 7,843 two-item screenings, 461 found at high risk, 240 of
 * them counselled (every one offered), scaled by the campaign's size (70,200 households is the report's).
 * Totals are exact, so the screening indicators read the figures back. A city part: generated once, with
 * the first range of households; each record's steps are days apart and end within the calendar.
 *
 * Shaped as a campaign part (`{ name, scope, start }`): where the generator has a list of parts, this is
 * one line in it; until then campaign.ts calls `start` itself.
 */
import { localDateOf } from '../calendar';
import { ScreeningCommand, screeningStream, SubjectKind } from '../domain/screening';
import { DAY, monthOf, monthStart, WORKING_DAYS } from './calendar';
import { CAMPAIGN_FIGURES } from './figures';
import { seededUuid } from './ids';
import { CampaignCommand, StreamWriter, TimedItem } from './items';
import { syntheticHead } from './people';
import { CampaignPlan } from './plan';
import { Random } from './random';

/** The report's figures, for 70,200 households. */
export const SCREENING_FIGURES = { checked: 2_854, fiveItemTests: 6_190, twoItemScreenings: 7_843, highRisk: 461, counselled: 240 };
export type ScreeningFigures = typeof SCREENING_FIGURES;

/** Pregnant women screened without a couple's check, as a share of the two-item screenings (the rest are second screenings). */
const WOMEN_PER_SCREENING = 0.9;

/** The figures at the plan's scale (the report's at 70,200 households), rounded. */
export function screeningTargets(plan: Pick<CampaignPlan, 'firstCohort'>): ScreeningFigures {
  // The report's figures are the 70,200-household campaign's: scaled by the first cohort, as the other parts are.
  const scale = plan.firstCohort / CAMPAIGN_FIGURES.households;
  const scaled = Object.entries(SCREENING_FIGURES).map(([name, n]) => [name, Math.round(n * scale)]);
  return Object.fromEntries(scaled) as ScreeningFigures;
}

interface ScreeningRecordPlan {
  kind: SubjectKind;
  fiveItemTests: number;
  twoItemScreenings: number;
  highRisk: boolean;
  counselled: boolean;
}

export const screeningsPart = {
  name: 'screenings',
  scope: 'city' as const,
  start(plan: CampaignPlan): (month: number) => TimedItem[] {
    const random = Random.for(plan.seed, 'screenings');
    const byMonth = new Map<number, TimedItem[]>();
    for (const [n, record] of planRecords(screeningTargets(plan), random).entries()) {
      const month = random.int(0, Math.max(0, plan.months - 3));
      for (const item of chain(plan, record, n, month, random)) {
        const itemMonth = monthOf(item.at, plan.firstYear);
        if (!byMonth.has(itemMonth)) byMonth.set(itemMonth, []);
        byMonth.get(itemMonth)!.push(item);
      }
    }
    return (month) => byMonth.get(month) ?? [];
  },
};

/** Couples then women, with tests, screenings, findings and counselling dealt out so the totals are exact. */
function planRecords(targets: ScreeningFigures, random: Random): ScreeningRecordPlan[] {
  const women = Math.min(targets.twoItemScreenings, Math.round(targets.twoItemScreenings * WOMEN_PER_SCREENING));
  const blank = (kind: SubjectKind) => ({ kind, fiveItemTests: 0, twoItemScreenings: 0, highRisk: false, counselled: false });
  const couples = Array.from({ length: targets.checked }, () => blank('couple'));
  const records = [...couples, ...Array.from({ length: women }, () => blank('pregnant-woman'))];
  deal(couples, targets.fiveItemTests, (r) => r.fiveItemTests++, random);
  deal(records.slice(targets.checked), targets.twoItemScreenings, (r) => r.twoItemScreenings++, random);
  const highRisk = random.sample(records, Math.min(targets.highRisk, records.length));
  for (const record of highRisk) record.highRisk = true;
  for (const record of highRisk.slice(0, targets.counselled)) record.counselled = true;
  return records;
}

/** One to each first (as far as there are), the rest to any at random. */
function deal<T>(to: T[], total: number, give: (item: T) => void, random: Random): void {
  if (to.length === 0) return;
  for (let i = 0; i < total; i++) give(i < to.length ? to[i] : random.pick(to));
}

function chain(plan: CampaignPlan, record: ScreeningRecordPlan, n: number, month: number, random: Random): TimedItem[] {
  const screeningId = seededUuid(plan.seed, 'screening', n);
  const writer = new StreamWriter(plan.seed, screeningStream(screeningId));
  const village = random.pick(plan.villages);
  const district = village.code.slice(0, 6);
  const actor = `doctor-${district}`;
  let at = monthStart(month, plan.firstYear) + random.int(0, WORKING_DAYS - 1) * DAY + random.int(0, 10 * 3600 - 1) * 1000;
  const items: TimedItem[] = [];
  const push = (daysLater: number, body: Omit<ScreeningCommand, 'metadata'>) => {
    at += daysLater * DAY;
    // The generator's command union does not list every aggregate: the stream's decider checks the command.
    items.push(writer.command(at, actor, body as unknown as Omit<CampaignCommand, 'metadata'>));
  };
  const on = () => localDay(at);
  // syntheticHead always gives an ID number (only the phone is sometimes left out); a blank one would be refused.
  const person = (() => {
    const [woman, partner] = [syntheticHead(random, district, plan.firstYear), syntheticHead(random, district, plan.firstYear)];
    const self = { name: woman.name, idNumber: woman.idNumber ?? '' };
    return record.kind === 'couple' ? { ...self, partnerName: partner.name, partnerIdNumber: partner.idNumber ?? '' } : self;
  })();
  push(0, { type: 'RegisterScreeningSubject', data: { screeningId, villageCode: village.code, subjectKind: record.kind, person } });
  const result = () => (random.chance(0.05) ? 'abnormal' : 'normal');
  if (record.kind === 'couple') push(0, { type: 'RecordPrePregnancyCheck', data: { screeningId, on: on(), result: result() } });
  for (let i = 0; i < record.fiveItemTests; i++)
    push(random.int(0, 3), { type: 'RecordFiveItemTest', data: { screeningId, on: on(), result: result() } });
  for (let i = 0; i < record.twoItemScreenings; i++)
    push(random.int(1, 7), { type: 'RecordTwoItemScreening', data: { screeningId, on: on(), result: result() } });
  if (record.highRisk) {
    push(random.int(1, 5), {
      type: 'RecordHighRiskFinding',
      data: { screeningId, on: on(), finding: 'Raised risk on the screening panel' },
    });
    push(random.int(0, 3), { type: 'OfferGeneticCounselling', data: { screeningId, on: on() } });
  }
  if (record.counselled)
    push(random.int(1, 10), {
      type: 'RecordGeneticCounselling',
      data: { screeningId, on: on(), advice: 'Prenatal diagnosis at the city hospital' },
    });
  return items;
}

/** The programme-calendar date of an instant, YYYY-MM-DD. */
function localDay(at: number): string {
  const { year, month, day } = localDateOf(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
