/**
 * The scorecard: every district's (or department's) score for a bimonth or a year under an assessment
 * scheme, ranked, with each component's value, target and points and the change since the previous period.
 * `scoreUnits` is what the API answers and what a bulletin prints; it recomputes from the read models each
 * time (nothing stored), so the same log and the same scheme versions give the same scores.
 */
import { DataSource } from 'typeorm';
import { localMonthOf } from '@libs/calendar';
import {
  AssessedLevel,
  componentsOf,
  Measure,
  RankedScore,
  schemeVersions,
  scoreBimonth,
  scoredPeriod,
  ScoredPeriod,
  ScorePeriodError,
  SchemeVersion,
  scoreYear,
  UnitScore,
  versionInEffect,
  withChange,
} from '@libs/assessment';
import { LocalisedName, referenceNames } from '@libs/reference-data/names';
import { BimonthSpan, measure, unitsOf } from './measures';

export class ScorecardError extends Error {
  constructor(
    readonly code: 'unknown-scheme' | 'invalid-period' | 'future-period' | 'scheme-not-in-effect',
    message: string,
  ) {
    super(message);
    this.name = 'ScorecardError';
  }
}

export interface ScoreRequest {
  level: AssessedLevel;
  /** A year (`2012`) or a bimonth (`201203B`). */
  period: string;
  /** A scheme's code (each bimonth under the version in effect), or `code@version` to rescore under one version. */
  scheme: string;
  /** The instant scored at (the clock's now by default): later periods are refused, reports due after it are not yet due. */
  asOf: Date;
}

export interface ScorecardRow extends RankedScore {
  unitName: LocalisedName;
}

export interface Scorecard {
  level: AssessedLevel;
  period: string;
  kind: ScoredPeriod['kind'];
  scheme: string;
  /** The version asked for with `code@version`; null when each bimonth is scored under its own. */
  version: number | null;
  /** Scored under a version other than the one in effect for at least one bimonth: a result of its own. */
  rescore: boolean;
  asOf: string;
  previousPeriod: string;
  /** Per read model read, the log position its figures reflect. */
  reflects: Record<string, string | null>;
  rows: ScorecardRow[];
}

export async function scoreUnits(dataSource: DataSource, request: ScoreRequest): Promise<Scorecard> {
  const { code, versions, pinned } = await schemeOf(dataSource, request.scheme);
  const currentMonth = localMonthOf(request.asOf.toISOString());
  const period = periodOf(request.period, currentMonth);
  const previous = scoredPeriod(period.previous, currentMonth);
  const versionFor = (b: BimonthSpan) => pinned ?? versionInEffect(versions, b.firstMonth);
  const outside = period.bimonths.find((b) => !versionFor(b));
  if (outside)
    throw new ScorecardError(
      'scheme-not-in-effect',
      `scheme ${code} takes effect from ${versions[0].effectiveFrom}; ${outside.code} is before it`,
    );
  const earlier = previous.bimonths.filter((b) => versionFor(b));
  const all = [...period.bimonths, ...earlier];
  const measures = new Set<Measure>(all.flatMap((b) => componentsOf(versionFor(b)!, request.level).map((c) => c.measure)));
  const measured = await measure(dataSource, request.level, all, measures, request.asOf);
  const units = unitsOf(request.level);
  const scoresOf = (p: ScoredPeriod, bimonths: readonly BimonthSpan[]): UnitScore[] =>
    units.map((unit) => {
      const scores = bimonths.map((b) => scoreBimonth(versionFor(b)!, request.level, unit, b.code, measured.values.get(b.code)!));
      return p.kind === 'bimonth' ? scores[0] : scoreYear(p.code, scores);
    });
  const rows = withChange(scoresOf(period, period.bimonths), earlier.length === 0 ? undefined : scoresOf(previous, earlier));
  return {
    level: request.level,
    period: period.code,
    kind: period.kind,
    scheme: code,
    version: pinned?.version ?? null,
    rescore: pinned !== undefined && period.bimonths.some((b) => versionInEffect(versions, b.firstMonth)?.version !== pinned.version),
    asOf: request.asOf.toISOString(),
    previousPeriod: previous.code,
    reflects: measured.reflects,
    rows: rows.map((row) => ({ ...row, unitName: nameOf(request.level, row.unit) })),
  };
}

async function schemeOf(
  dataSource: DataSource,
  text: string,
): Promise<{ code: string; versions: SchemeVersion[]; pinned?: SchemeVersion }> {
  const match = /^([a-z][a-z0-9-]{0,59})(?:@(\d{1,6}))?$/.exec(text);
  const versions = match ? await schemeVersions(dataSource, match[1]) : [];
  if (!match || versions.length === 0)
    throw new ScorecardError('unknown-scheme', `unknown scheme "${text.slice(0, 60)}"; GET /assessment/schemes lists them`);
  if (match[2] === undefined) return { code: match[1], versions };
  const pinned = versions.find((v) => v.version === Number(match[2]));
  if (!pinned) throw new ScorecardError('unknown-scheme', `scheme ${match[1]} has no version ${match[2]} (it has 1 to ${versions.length})`);
  return { code: match[1], versions, pinned };
}

function periodOf(code: string, currentMonth: number): ScoredPeriod {
  try {
    return scoredPeriod(code, currentMonth);
  } catch (error) {
    if (error instanceof ScorePeriodError) throw new ScorecardError(error.code, error.message);
    throw error;
  }
}

function nameOf(level: AssessedLevel, unit: string): LocalisedName {
  const found = level === 'district' ? referenceNames.orgUnit(unit) : referenceNames.catalogue.departments.find((d) => d.code === unit);
  return found?.name ?? { 'zh-CN': unit, en: unit };
}
