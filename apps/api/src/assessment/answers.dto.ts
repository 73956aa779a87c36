/** What the assessment endpoints answer (described by the Swagger plugin from these types). */
import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class ComponentScoreDto {
  key!: string;
  title!: string;
  /** party-government (党政线), family-planning (计生线) or departments (部门线). */
  line!: string;
  /**
   * `indicator:<name>` of the catalogue, supervision-compliance, cases-opened, cases-open, cases-overdue,
   * responsibilities-due (version 1), pilot-townships or rectifications-on-time (version 2).
   */
  measure!: string;
  /** linear, threshold or penalty. */
  rule!: string;
  weight!: number;
  target!: number;
  /** The measured value (a proportion 0..1 for rates); null when there was nothing to measure (no points, or the whole weight under noValue full). */
  value!: number | null;
  points!: number;
}

export class ScoreChangeDto {
  /** The previous period (the bimonth or year before). */
  period!: string;
  total!: number;
  rank!: number;
  totalChange!: number;
  /** Positive: the unit climbed. */
  rankChange!: number;
}

export class SchemeUsedDto {
  period!: string;
  scheme!: string;
  version!: number;
}

export class UnitScoreDto {
  rank!: number;
  /** A district's org-unit code or a department's code. */
  unit!: string;
  /** `{ "zh-CN": ..., "en": ... }` */
  unitName!: object;
  period!: string;
  total!: number;
  /** Points per assessment line. */
  lines!: object;
  components!: ComponentScoreDto[];
  /** The scheme version each bimonth was scored under. */
  schemes!: SchemeUsedDto[];
  change!: ScoreChangeDto | null;
}

export class ScorecardDto {
  /** district or department. */
  level!: string;
  period!: string;
  /** bimonth or year (a year is the mean of its bimonths). */
  kind!: string;
  scheme!: string;
  /** The version asked for with `scheme=code@version`; null: each bimonth under the version in effect. */
  version!: number | null;
  /** Scored under a version other than the one in effect: a result of its own, beside the official one. */
  rescore!: boolean;
  asOf!: string;
  previousPeriod!: string;
  /** Per read model, the log position its figures reflect. */
  reflects!: object;
  rows!: UnitScoreDto[];
}

export class SchemeVersionDto {
  scheme!: string;
  version!: number;
  title!: string;
  effectiveFrom!: string;
  total!: number;
  sources!: string[];
  /** Each with its line, measure, weight, target and rule. */
  components!: object[];
  loadedBy!: string;
  loadedAt!: string;
}

export class SchemeVersionsDto {
  scheme!: string;
  versions!: SchemeVersionDto[];
}

export class SchemeListDto {
  schemes!: { scheme: string; versions: number }[];
}

/** `POST /assessment/schemes`: a scheme document, checked whole and loaded as the scheme's next version. */
export class SchemeLoadDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The scheme: { scheme, title, effectiveFrom (first day of a bimonth, not before the bimonth in progress), total (100), sources[], ' +
      'components[]: { key, title, line (party-government | family-planning | departments), measure (indicator:<name> | supervision-compliance | ' +
      'cases-opened | cases-open | cases-overdue | responsibilities-due | pilot-townships (districts only) | rectifications-on-time), weight, target, ' +
      'rule: { kind: linear | threshold | penalty, perCase }, noValue (optional: none, the default, scores nothing when nothing was measured; ' +
      'full gives the whole weight) } }. ' +
      "Each level's weights (districts: the first two lines; departments: theirs) must sum to the total. docs/assessment.md",
  })
  @IsObject()
  document!: Record<string, unknown>;
}
