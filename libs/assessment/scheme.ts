/**
 * An assessment scheme: how the campaign weighs in the city's target-management assessment of districts and
 * departments. Each component measures one thing (an indicator of the catalogue, supervision compliance,
 * cases, responsibilities), belongs to one of the three assessment lines, and turns its value into points
 * by a rule. Schemes are versioned reference data: a version takes effect from the first day of a bimonth
 * and is never changed once loaded (docs/assessment.md).
 */

/** The three lines of the assessment (seed report, §2: 党政线, 计生线, 部门线). */
export const LINES = ['party-government', 'family-planning', 'departments'] as const;
export type Line = (typeof LINES)[number];

export const LINE_NAMES: Readonly<Record<Line, { 'zh-CN': string; en: string }>> = {
  'party-government': { 'zh-CN': '党政线', en: 'Party-and-government line' },
  'family-planning': { 'zh-CN': '计生线', en: 'family-planning line' },
  departments: { 'zh-CN': '部门线', en: "departments' line" },
};

/** Who is scored: districts on the Party-and-government and family-planning lines, departments on theirs. */
export type AssessedLevel = 'district' | 'department';
export const ASSESSED_LEVELS: readonly AssessedLevel[] = ['district', 'department'];
export const LEVEL_OF_LINE: Readonly<Record<Line, AssessedLevel>> = {
  'party-government': 'district',
  'family-planning': 'district',
  departments: 'department',
};

/** What a component measures, besides an indicator of the catalogue (`indicator:<name>`). */
export const OWN_MEASURES = [
  'supervision-compliance',
  'cases-opened',
  'cases-open',
  'cases-overdue',
  'responsibilities-due',
  'rectifications-on-time',
  'pilot-townships',
] as const;
export type OwnMeasure = (typeof OWN_MEASURES)[number];
export type Measure = OwnMeasure | `indicator:${string}`;

/**
 * - `linear`: weight × value / target, at most the weight (higher is better).
 * - `threshold`: the whole weight when value ≥ target, else nothing.
 * - `penalty`: the weight, less `perCase` for each case above `target` (0 when absent), never below 0.
 */
export type ScoringRule = { kind: 'linear' } | { kind: 'threshold' } | { kind: 'penalty'; perCase: number };
export const RULE_KINDS = ['linear', 'threshold', 'penalty'] as const;

export interface Component {
  /** Unique among the components of a level (district, department): what the score's breakdown is keyed by. */
  key: string;
  title: string;
  line: Line;
  measure: Measure;
  weight: number;
  /** The value aimed at (a proportion 0..1 for rates); for a penalty, the cases allowed without one. */
  target: number;
  rule: ScoringRule;
  /**
   * The points when there is no value: none (the default), or the whole weight (`full`), for a share of
   * duties where nothing fell due is nothing missed (docs/assessment.md).
   */
  noValue?: NoValue;
}

export const NO_VALUE = ['none', 'full'] as const;
export type NoValue = (typeof NO_VALUE)[number];

export interface SchemeDocument {
  scheme: string;
  title: string;
  /** A local date (programme calendar), the first day of a bimonth: `2012-01-01`, `2012-07-01`. */
  effectiveFrom: string;
  /** What each level's components weigh together (100 unless said). */
  total: number;
  /** Where the scheme comes from: documents, decisions, with their reference. */
  sources: string[];
  components: Component[];
}

/** A version as stored: the document, its number and who loaded it. */
export interface SchemeVersion extends SchemeDocument {
  version: number;
  loadedBy: string;
  loadedAt: string;
}

/** `yyyymm` (201207) of the month a scheme takes effect from. */
export function effectiveMonth(scheme: Pick<SchemeDocument, 'effectiveFrom'>): number {
  return Number(scheme.effectiveFrom.slice(0, 4)) * 100 + Number(scheme.effectiveFrom.slice(5, 7));
}

export function componentsOf(scheme: Pick<SchemeDocument, 'components'>, level: AssessedLevel): Component[] {
  return scheme.components.filter((c) => LEVEL_OF_LINE[c.line] === level);
}
