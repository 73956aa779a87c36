/**
 * The group activities of the seed report (activity-figures.ts), held across the campaign's months in the
 * org units and by the departments each line names, recorded the day they are held. Totals are shared out
 * exactly (apportion.ts), so the activity indicators read back the report's figures. Every department of
 * the leading group gives lectures, the first 22 lectures one each.
 */
import { localDateOf } from '../calendar';
import { activityStream, HoldActivity, OutreachMaterials } from '../domain/activity';
import { apportion } from './apportion';
import { ActivityFigure, ACTIVITY_FIGURES } from './activity-figures';
import { DAY, monthStart, WORKING_DAYS } from './calendar';
import { seededUuid } from './ids';
import { StreamWriter, TimedItem } from './items';
import { CampaignPart } from './part';
import { CampaignPlan } from './plan';
import { Random } from './random';

const NO_MATERIALS: OutreachMaterials = { boards: 0, walls: 0, billboards: 0, lightBoxes: 0 };

export const activitiesPart: CampaignPart = {
  name: 'activities',
  scope: 'city',
  start(plan) {
    const byMonth = new Map<number, TimedItem[]>();
    let activityNumber = 0;
    for (const [line, figure] of ACTIVITY_FIGURES.entries()) {
      for (const { month, item } of held(plan, figure, Random.for(plan.seed, 'activities', line), activityNumber)) {
        byMonth.set(month, [...(byMonth.get(month) ?? []), item]);
      }
      activityNumber += figure.activities;
    }
    return (month) => byMonth.get(month) ?? [];
  },
};

function* held(plan: CampaignPlan, figure: ActivityFigure, random: Random, firstNumber: number) {
  const n = figure.activities;
  const shares = () => Array.from({ length: n }, () => 0.5 + random.next());
  const attendance = apportion(figure.attendance, shares());
  const materials = sharedMaterials(figure.materials, n, shares);
  // What the materials cost, in proportion to how many each activity put up (billboards dearer).
  const costs = apportion(
    figure.costFen ?? 0,
    materials.map((m) => m.boards + m.walls * 1.5 + m.billboards * 20 + m.lightBoxes),
  );
  const departments = figure.departments === 'all' ? plan.reference.allDepartments().map((d) => d.code) : figure.departments;
  for (let i = 0; i < n; i++) {
    const month = random.int(0, plan.months - 1);
    const at = monthStart(month, plan.firstYear) + random.int(0, WORKING_DAYS - 1) * DAY + random.int(0, 10 * 3600 - 1) * 1000;
    const departmentCode = i < departments.length ? departments[i] : random.pick(departments);
    const activityId = seededUuid(plan.seed, 'activity', firstNumber + i);
    const writer = new StreamWriter(plan.seed, activityStream(activityId));
    const item = writer.command<HoldActivity>(at, `dept-${departmentCode}`, {
      type: 'HoldActivity',
      data: {
        activityId,
        reason: "The department's monthly work report",
        kind: random.pick(figure.kinds),
        focusArea: random.pick(figure.focusAreas),
        orgUnitCode: random.pick(plan.reference.unitsAt(random.pick(figure.levels))).code,
        departmentCode,
        heldOn: localDay(at),
        sessions: random.int(...figure.sessions),
        attendance: attendance[i],
        costFen: costs[i],
        materials: materials[i],
      },
    });
    yield { month, item };
  }
}

function sharedMaterials(total: OutreachMaterials | undefined, n: number, shares: () => number[]): OutreachMaterials[] {
  if (!total) return Array.from({ length: n }, () => NO_MATERIALS);
  const [boards, walls, billboards, lightBoxes] = [total.boards, total.walls, total.billboards, total.lightBoxes].map((t) =>
    apportion(t, shares()),
  );
  return boards.map((_, i) => ({ boards: boards[i], walls: walls[i], billboards: billboards[i], lightBoxes: lightBoxes[i] }));
}

/** The programme-calendar date of an instant, YYYY-MM-DD. */
function localDay(at: number): string {
  const { year, month, day } = localDateOf(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
