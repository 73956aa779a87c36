/**
 * An accountability case opened after a criticism bulletin, planned whole at its opening: criticism,
 * a rectification order, the unit's report (sometimes late), a verdict (a rejection leads to a second
 * round), now and then a leader held accountable or an escalation, and the close. Steps are a few days
 * to weeks apart; the ones that fall after the calendar's end are left out, so such a case stays open.
 */
import { caseStream } from '../domain/accountability-case';
import * as C from '../domain/accountability-case/commands';
import { ACCOUNTABILITY_MEASURES, CASE_GROUNDS, CaseGround } from '../domain/accountability-case/events';
import { SupervisorAssignment } from '../domain/supervision/state';
import { DAY, iso } from './calendar';
import { seededUuid } from './ids';
import { StreamWriter, TimedItem } from './items';
import { Random } from './random';

export interface CaseOpening {
  seed: number;
  caseNumber: number;
  subjectUnit: string;
  bulletinId: string;
  period: string;
  openedAt: number;
  assignment: SupervisorAssignment;
}

type Body<T extends C.CaseCommand> = Omit<T, 'metadata' | 'authority'>;

export function planCase(opening: CaseOpening): TimedItem[] {
  const random = Random.for(opening.seed, 'case', opening.caseNumber);
  const caseId = seededUuid(opening.seed, 'case', opening.caseNumber);
  const writer = new StreamWriter(opening.seed, caseStream(caseId));
  const { assignment, subjectUnit } = opening;
  const supervisor = { role: 'supervisor', assignment } as const;
  const unit = { role: 'subject-unit', unitCode: subjectUnit } as const;
  const items: TimedItem[] = [];
  let at = opening.openedAt;
  const step = <T extends C.CaseCommand>(daysLater: number, authority: C.CaseAuthority, body: Body<T>) => {
    at += Math.round(daysLater * DAY);
    const actor = authority.role === 'supervisor' ? assignment.supervisorId : `unit-${subjectUnit}`;
    items.push(writer.command<T>(at, actor, { ...body, authority } as Omit<T, 'metadata'>));
  };
  const grounds = random.sample(
    CASE_GROUNDS.filter((g) => g !== 'other'),
    random.int(1, 2),
  ) as CaseGround[];
  step<C.OpenCase>(0, supervisor, {
    type: 'OpenCase',
    data: {
      caseId,
      subjectUnit,
      districtCode: assignment.districtCode,
      grounds,
      reason: `Criticised in the bulletin for ${opening.period}`,
      evidence: [{ reference: `bulletin:${opening.bulletinId}`, description: 'Named in the bimonthly supervision bulletin' }],
    },
  });
  step<C.IssueCriticism>(0.05, supervisor, {
    type: 'IssueCriticism',
    data: { bulletinId: opening.bulletinId, reason: 'Circulated criticism' },
  });
  const rounds = random.chance(0.25) ? 2 : 1;
  for (let round = 1; round <= rounds; round++) {
    const deadline = iso(at + (2 + 30) * DAY);
    step<C.OrderRectification>(2, supervisor, {
      type: 'OrderRectification',
      data: { requirements: ['Visit every enrolled household', 'Report services delivered'], deadline, reason: `Round ${round}` },
    });
    step<C.ReportRectification>(random.int(12, 40), unit, {
      type: 'ReportRectification',
      data: {
        report: 'Visits completed and records brought up to date',
        evidence: [{ reference: `report:${caseId}:${round}`, description: 'Rectification report' }],
        reason: 'Rectification done',
      },
    });
    const accepted = round === rounds;
    step<C.AcceptRectification | C.RejectRectification>(
      random.int(3, 7),
      supervisor,
      accepted
        ? { type: 'AcceptRectification', data: { reason: 'Checked on a follow-up visit' } }
        : { type: 'RejectRectification', data: { reason: 'Records still incomplete' } },
    );
  }
  const heldAccountable = random.chance(0.2);
  if (heldAccountable) {
    step<C.HoldLeaderAccountable>(5, supervisor, {
      type: 'HoldLeaderAccountable',
      data: {
        officialId: `official-${subjectUnit}-head`,
        position: 'Township head',
        measure: random.pick(ACCOUNTABILITY_MEASURES.slice(0, 3)),
        reason: 'Responsible for the delay',
      },
    });
  }
  if (random.chance(0.1))
    step<C.EscalateCase>(3, supervisor, { type: 'EscalateCase', data: { to: 'city-leading-group', reason: 'Repeated criticism' } });
  step<C.CloseCase>(random.int(3, 10), supervisor, {
    type: 'CloseCase',
    data: { resolution: heldAccountable ? 'held-accountable' : 'rectified', reason: 'Rectification accepted' },
  });
  return items;
}
