/**
 * The programme's own streams: one supervisor per district (six in all) assigned in the first days,
 * responsibilities handed to each township head, a supervision visit every month, a bulletin every two
 * months (some criticising named townships), and the accountability cases those criticisms open.
 */
import { responsibilityStream } from '../domain/responsibility';
import { AssignResponsibility } from '../domain/responsibility/commands';
import { supervisionStream } from '../domain/supervision';
import * as S from '../domain/supervision/commands';
import { bimonthOf } from '../domain/supervision/periods';
import { SupervisorAssignment } from '../domain/supervision/state';
import { OrgUnit } from '../reference-data/types';
import { DAY, iso, monthCode, monthOf, monthStart } from './calendar';
import { planCase } from './cases';
import { CAMPAIGN_FIGURES as F } from './figures';
import { seededUuid } from './ids';
import { StreamWriter, TimedItem } from './items';
import { CampaignPart } from './part';
import { CampaignPlan } from './plan';
import { Random } from './random';

interface District {
  unit: OrgUnit;
  townships: OrgUnit[];
  writer: StreamWriter;
  assignment: SupervisorAssignment;
}

export const programmePart: CampaignPart = {
  name: 'programme',
  scope: 'city',
  start(plan) {
    const programme = new Programme(plan);
    return (month) => programme.month(month);
  },
};

export class Programme {
  private readonly districts: District[];
  /** Case steps planned for later months, by month. */
  private readonly later = new Map<number, TimedItem[]>();
  private cases = 0;

  constructor(private readonly plan: CampaignPlan) {
    this.districts = plan.districts.map((unit, n) => ({
      unit,
      townships: plan.reference.childrenOf(unit.code),
      writer: new StreamWriter(plan.seed, supervisionStream(unit.code)),
      assignment: {
        districtCode: unit.code,
        supervisorId: `supervisor-${unit.code}`,
        until: null,
        from: iso(monthStart(0, plan.firstYear) + 3600_000 * (1 + n)),
      },
    }));
  }

  month(month: number): TimedItem[] {
    const items = month === 0 ? this.start() : [];
    for (const district of this.districts) {
      const random = Random.for(this.plan.seed, 'supervision', district.unit.code, month);
      items.push(this.visit(district, random, month));
      if (month >= 2 && month % 2 === 0) items.push(...this.bulletin(district, random, month));
    }
    items.push(...(this.later.get(month) ?? []));
    this.later.delete(month);
    return items;
  }

  private start(): TimedItem[] {
    const items = this.districts.map((d) =>
      d.writer.command<S.AssignSupervisor>(Date.parse(d.assignment.from), 'city-office', {
        type: 'AssignSupervisor',
        data: { districtCode: d.unit.code, supervisorId: d.assignment.supervisorId, reason: 'Campaign launch' },
      }),
    );
    const dueYear = String(this.plan.firstYear + this.plan.months / 12 - 1);
    for (const [n, township] of this.districts.flatMap((d) => d.townships).entries()) {
      const responsibilityId = seededUuid(this.plan.seed, 'responsibility', township.code);
      const writer = new StreamWriter(this.plan.seed, responsibilityStream(responsibilityId));
      items.push(
        writer.command<AssignResponsibility>(monthStart(0, this.plan.firstYear) + DAY + n * 60_000, 'city-office', {
          type: 'AssignResponsibility',
          data: {
            responsibilityId,
            task: 'Happy Family campaign in the township',
            officialId: `official-${township.code}-head`,
            position: 'Township head',
            unitCode: township.code,
            indicator: { code: 'certification-rate', target: 60, unitOfMeasure: 'percent' },
            duePeriod: dueYear,
            reason: 'Responsibility system of the campaign',
          },
        }),
      );
    }
    return items;
  }

  private visit(district: District, random: Random, month: number): TimedItem {
    const at = monthStart(month, this.plan.firstYear) + random.int(7, 20) * DAY + random.int(0, 9 * 3600) * 1000;
    const unitsVisited = random.sample(district.townships, Math.min(3, district.townships.length)).map((t) => t.code);
    return district.writer.command<S.RecordSupervisionVisit>(at, district.assignment.supervisorId, {
      type: 'RecordSupervisionVisit',
      data: {
        districtCode: district.unit.code,
        month: monthCode(month, this.plan.firstYear),
        unitsVisited,
        findings: 'Household files checked against services recorded',
      },
    });
  }

  /** The bulletin on the two months just ended, issued in the first days of the next. */
  private bulletin(district: District, random: Random, month: number): TimedItem[] {
    const at = monthStart(month, this.plan.firstYear) + random.int(1, 4) * DAY + random.int(0, 9 * 3600) * 1000;
    const period = bimonthOf(monthCode(month - 1, this.plan.firstYear));
    const criticism = random.chance(F.criticismBulletinShare);
    const units = criticism ? random.sample(district.townships, random.int(1, 2)).map((t) => t.code) : [];
    const bulletinId = seededUuid(this.plan.seed, 'bulletin', district.unit.code, period);
    const issued = district.writer.command<S.IssueBulletin>(at, district.assignment.supervisorId, {
      type: 'IssueBulletin',
      data: {
        districtCode: district.unit.code,
        bulletinId,
        period,
        kind: criticism ? 'criticism' : 'progress',
        units,
        summary: criticism ? 'Work behind schedule in the units named' : 'Work on schedule',
      },
    });
    const now: TimedItem[] = [issued];
    for (const subjectUnit of units.filter(() => random.chance(F.caseShareOfCriticised))) {
      const steps = planCase({
        seed: this.plan.seed,
        caseNumber: this.cases++,
        subjectUnit,
        bulletinId,
        period,
        openedAt: at + random.int(1, 3) * DAY,
        assignment: district.assignment,
      });
      for (const step of steps) {
        const stepMonth = monthOf(step.at, this.plan.firstYear);
        if (stepMonth >= this.plan.months) break;
        if (stepMonth === month) now.push(step);
        else this.later.set(stepMonth, [...(this.later.get(stepMonth) ?? []), step]);
      }
    }
    return now;
  }
}
