/**
 * Scoring, pure: a component's value becomes points by its rule; a unit's bimonth is the sum of its
 * components under the scheme version in effect that bimonth; its year is the mean of its bimonths (each
 * under its own version, so a scheme change mid-year weighs each half by its own rules). Points are kept
 * in hundredths, so every total is the visible sum of its parts.
 */
import { AssessedLevel, Component, componentsOf, Line, Measure, SchemeVersion, ScoringRule } from './scheme';

export interface ComponentScore {
  key: string;
  title: string;
  line: Line;
  measure: Measure;
  rule: ScoringRule['kind'];
  weight: number;
  target: number;
  /** The measured value; null when there was nothing to measure (no data: no points). */
  value: number | null;
  points: number;
}

/** One unit's score for one period (a bimonth, or a year as the mean of its bimonths). */
export interface UnitScore {
  unit: string;
  period: string;
  total: number;
  /** Points per line, e.g. `{ 'party-government': 31.5, 'family-planning': 42 }`. */
  lines: Partial<Record<Line, number>>;
  components: ComponentScore[];
  /** The scheme versions the score was computed under, one per bimonth. */
  schemes: { period: string; scheme: string; version: number }[];
}

/** A period's measured values: the value of `measure` for `unit`, or null when there is none. */
export type MeasuredValues = (unit: string, measure: Measure) => number | null;

export const round2 = (x: number) => Math.round(x * 100) / 100;

export function pointsFor(component: Pick<Component, 'weight' | 'target' | 'rule' | 'noValue'>, value: number | null): number {
  const { weight, target, rule } = component;
  if (value === null) return component.noValue === 'full' ? weight : 0;
  switch (rule.kind) {
    case 'linear':
      return round2(weight * Math.min(1, Math.max(0, value / target)));
    case 'threshold':
      return value >= target ? weight : 0;
    case 'penalty':
      return round2(Math.max(0, weight - rule.perCase * Math.max(0, value - target)));
    default: {
      const _exhaustive: never = rule;
      return _exhaustive;
    }
  }
}

export function scoreBimonth(scheme: SchemeVersion, level: AssessedLevel, unit: string, period: string, values: MeasuredValues): UnitScore {
  const components = componentsOf(scheme, level).map((c): ComponentScore => {
    const value = values(unit, c.measure);
    return {
      key: c.key,
      title: c.title,
      line: c.line,
      measure: c.measure,
      rule: c.rule.kind,
      weight: c.weight,
      target: c.target,
      value,
      points: pointsFor(c, value),
    };
  });
  return {
    unit,
    period,
    total: sumPoints(components),
    lines: linePoints(components),
    components,
    schemes: [{ period, scheme: scheme.scheme, version: scheme.version }],
  };
}

/**
 * A year as the mean of its bimonths' scores (those begun: a year in progress is the mean so far). A
 * component's points are its mean over those bimonths (0 where a version lacked it); its value, the mean of
 * the values measured; weight and target, the latest version's.
 */
export function scoreYear(year: string, bimonths: readonly UnitScore[]): UnitScore {
  if (bimonths.length === 0) throw new Error('a year is scored from at least one bimonth');
  const n = bimonths.length;
  const byKey = new Map<string, ComponentScore[]>();
  for (const score of bimonths) for (const c of score.components) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  const components = [...byKey.values()].map((scores): ComponentScore => {
    const latest = scores[scores.length - 1];
    const measured = scores.map((s) => s.value).filter((v): v is number => v !== null);
    return {
      ...latest,
      value: measured.length === 0 ? null : measured.reduce((a, b) => a + b, 0) / measured.length,
      points: round2(scores.reduce((s, c) => s + c.points, 0) / n),
    };
  });
  const lines: Partial<Record<Line, number>> = {};
  for (const score of bimonths)
    for (const [line, points] of Object.entries(score.lines)) lines[line as Line] = (lines[line as Line] ?? 0) + points;
  for (const line of Object.keys(lines) as Line[]) lines[line] = round2(lines[line]! / n);
  return {
    unit: bimonths[0].unit,
    period: year,
    total: round2(bimonths.reduce((s, b) => s + b.total, 0) / n),
    lines,
    components,
    schemes: bimonths.flatMap((b) => b.schemes),
  };
}

function sumPoints(components: readonly ComponentScore[]): number {
  return round2(components.reduce((s, c) => s + c.points, 0));
}

function linePoints(components: readonly ComponentScore[]): Partial<Record<Line, number>> {
  const lines: Partial<Record<Line, number>> = {};
  for (const c of components) lines[c.line] = round2((lines[c.line] ?? 0) + c.points);
  return lines;
}
