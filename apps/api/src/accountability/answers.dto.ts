/** What the case, supervision and responsibility endpoints answer (described by the Swagger plugin from these types). */
import { CommandAnswer } from '../commands/shared/answers.dto';

export class CaseAnswer extends CommandAnswer {
  caseId!: string;
  /** The case's status after the action (`Open`, `RectificationOrdered`, `Closed`, ...). */
  status!: string;
}

export class SupervisionAnswer extends CommandAnswer {
  districtCode!: string;
  /** The bulletin issued (POST /supervision/{district}/bulletins). */
  bulletinId?: string;
}

export class ResponsibilityAnswer extends CommandAnswer {
  responsibilityId!: string;
}

export class CaseList {
  /** Log position the list reflects; null before the read model has handled anything. */
  position!: string | null;
  /** When the last event the read model reflects was recorded; null before it has handled anything. */
  recordedAt!: string | null;
  /** One row per case: id, district, subject unit, status, grounds, last action and when. */
  cases!: object[];
  /** Cursor of the next page (also in the Link header); null on the last page. */
  next!: string | null;
}

export class CaseView {
  caseId!: string;
  /** The recorded time replayed to, when asked with `asOf`. */
  asOf?: string;
  /** The occurred time replayed to, when asked with `occurredAsOf`. */
  occurredAsOf?: string;
  /** The last revision folded into `state` (-1 when none was). */
  revision!: number;
  eventsFolded!: number;
  /** The stream's head revision now (the ETag when no replay point is given). */
  currentRevision!: number;
  /** The case as folded: status, grounds, evidence, rectification, measures, escalation, actors. */
  state!: object;
}

export class SupervisionView {
  districtCode!: string;
  revision!: number;
  /** The district's supervision as folded: supervisor and term, visits by month, bulletins. */
  state!: object;
}

export class ResponsibilityView {
  responsibilityId!: string;
  revision!: number;
  /** The responsibility as folded: task, official, unit, indicator and target, due period. */
  state!: object;
}

export class ComplianceOverview {
  /** Log position the read model reflects; null before it has handled anything. */
  position!: string | null;
  /** When the last event the read model reflects was recorded; null before it has handled anything. */
  recordedAt!: string | null;
  /** The current month in the programme's calendar (Asia/Shanghai), YYYYMM. */
  currentMonth!: string;
  /** Per district: its code, and its compliance by month and by bimonthly period. */
  districts!: object[];
}

export class DistrictComplianceView {
  position!: string | null;
  recordedAt!: string | null;
  currentMonth!: string;
  districtCode!: string;
  /** Each month asked: whether a supervisor was in office and visited, and what was found. */
  months!: object[];
  /** Each bimonthly period asked: whether its bulletin was issued. */
  bimonths!: object[];
}
