/**
 * What a scheme's components measure, read from the read models for a list of bimonths: the catalogue's
 * indicators (one statement per indicator for all the bimonths), supervision compliance (districts) and the
 * accountability trail (cases, responsibilities). Each source states the log position it reflects.
 */
import { DataSource } from 'typeorm';
import { localMonthOf, startOfLocalDay } from '@libs/calendar';
import { formatPosition } from '@libs/event-store';
import { answerIndicator, Indicator, IndicatorRequest } from '@libs/indicators';
import { loadCheckpoint } from '@libs/projection/checkpoints';
import { parsePeriod } from '@libs/periods';
import { referenceData } from '@libs/reference-data';
import { AssessedLevel, Measure, MeasuredValues } from '@libs/assessment';
import { caseAuditTrailProjection } from '../case-audit-trail/case-audit-trail.projection';
import { catalogue } from '../index';
import { districtCompliance } from '../supervision-compliance/supervision-compliance.query';
import { supervisionComplianceProjection } from '../supervision-compliance/supervision-compliance.projection';
import { accountabilityCounts, TrailFact } from './accountability-measures';
import { pilotTownshipValues, PILOT_COVERAGE } from './pilot-townships';
import { rectificationsOnTime } from './rectifications-on-time';

export interface BimonthSpan {
  code: string;
  firstMonth: number;
  lastMonth: number;
}

export interface Measured {
  /** Per bimonth code, the values of its units. */
  values: Map<string, MeasuredValues>;
  /** Per read model read, the log position its answer reflects (null: nothing applied yet). */
  reflects: Record<string, string | null>;
}

type Table = Map<string, Map<string, Map<Measure, number | null>>>;

const CITY = '640100';

/** The units of a level: the city's districts, or its departments. */
export function unitsOf(level: AssessedLevel): string[] {
  return level === 'district' ? referenceData.unitsAt('district').map((u) => u.code) : referenceData.allDepartments().map((d) => d.code);
}

export async function measure(
  dataSource: DataSource,
  level: AssessedLevel,
  bimonths: readonly BimonthSpan[],
  measures: ReadonlySet<Measure>,
  asOf: Date,
): Promise<Measured> {
  const table: Table = new Map(bimonths.map((b) => [b.code, new Map()]));
  const set = (bimonth: string, unit: string, m: Measure, value: number | null) => {
    const units = table.get(bimonth)!;
    if (!units.has(unit)) units.set(unit, new Map());
    units.get(unit)!.set(m, value);
  };
  const reflects: Record<string, string | null> = {};
  for (const m of measures) {
    if (!m.startsWith('indicator:')) continue;
    reflects[indicatorOf(m).readModel] = await indicatorValues(dataSource, level, bimonths, m, set);
  }
  if (measures.has('pilot-townships'))
    reflects[catalogue.find(PILOT_COVERAGE)!.readModel] = await pilotTownshipValues(dataSource, bimonths, set);
  if (measures.has('supervision-compliance')) reflects['supervision-compliance'] = await supervisionValues(dataSource, bimonths, asOf, set);
  if ([...measures].some((m) => m.startsWith('cases-') || m === 'responsibilities-due' || m === 'rectifications-on-time'))
    reflects['case-audit-trail'] = await accountabilityValues(dataSource, level, bimonths, asOf, set);
  const values = new Map<string, MeasuredValues>();
  for (const [code, units] of table) values.set(code, (unit, m) => units.get(unit)?.get(m) ?? defaultValue(m));
  return { values, reflects };
}

/** The catalogue's indicator of an `indicator:<name>` measure (the scheme was checked against the catalogue). */
function indicatorOf(m: Measure): Indicator {
  return catalogue.find(m.slice('indicator:'.length))!;
}

/** No row: none counted (a count is 0), and a rate of nothing is no rate (null). */
function defaultValue(m: Measure): number | null {
  if (!m.startsWith('indicator:') && measureUnit(m) === 'proportion') return null;
  if (m.startsWith('indicator:')) return indicatorOf(m).denominator ? null : 0;
  return 0;
}

async function indicatorValues(
  dataSource: DataSource,
  level: AssessedLevel,
  bimonths: readonly BimonthSpan[],
  m: Measure,
  set: (bimonth: string, unit: string, m: Measure, value: number | null) => void,
): Promise<string | null> {
  const indicator = indicatorOf(m);
  const request: IndicatorRequest = {
    orgUnit: CITY,
    orgUnitLevel: 'city',
    level: level === 'district' ? 'district' : 'city',
    periods: bimonths.map((b) => parsePeriod(b.code)),
    by: level === 'district' ? [] : ['department'],
  };
  const answer = await answerIndicator(dataSource, indicator, request);
  for (const row of answer.rows) {
    const unit = level === 'district' ? row.orgUnit : (row.department as string);
    set(row.period, unit, m, row.value);
  }
  return answer.reflects.position;
}

/** The share of a bimonth's reports (two months' visits, its bulletin) made on time, of those due by `asOf`. */
async function supervisionValues(
  dataSource: DataSource,
  bimonths: readonly BimonthSpan[],
  asOf: Date,
  set: (bimonth: string, unit: string, m: Measure, value: number | null) => void,
): Promise<string | null> {
  const checkpoint = await loadCheckpoint(dataSource.manager, supervisionComplianceProjection);
  if (!checkpoint) return null;
  const currentMonth = String(localMonthOf(asOf.toISOString()));
  const from = String(Math.min(...bimonths.map((b) => b.firstMonth)));
  const to = String(Math.max(...bimonths.map((b) => b.lastMonth)));
  for (const district of unitsOf('district')) {
    const compliance = await districtCompliance(dataSource.manager, checkpoint.schema, district, { from, to }, currentMonth);
    for (const b of bimonths) {
      const judged = [
        ...compliance.months.filter((m) => Number(m.period) >= b.firstMonth && Number(m.period) <= b.lastMonth),
        ...compliance.bimonths.filter((p) => p.period === b.code),
      ].filter((p) => p.status === 'on-time' || p.status === 'late' || p.status === 'missing');
      const onTime = judged.filter((p) => p.status === 'on-time').length;
      set(b.code, district, 'supervision-compliance', judged.length === 0 ? null : onTime / judged.length);
    }
  }
  return checkpoint.position ? formatPosition(checkpoint.position) : null;
}

async function accountabilityValues(
  dataSource: DataSource,
  level: AssessedLevel,
  bimonths: readonly BimonthSpan[],
  asOf: Date,
  set: (bimonth: string, unit: string, m: Measure, value: number | null) => void,
): Promise<string | null> {
  const checkpoint = await loadCheckpoint(dataSource.manager, caseAuditTrailProjection);
  if (!checkpoint) return null;
  const rows: {
    subject_id: string;
    event_type: string;
    district_code: string | null;
    subject_unit: string | null;
    occurred_at: Date;
    data: TrailFact['data'];
  }[] = await dataSource.query(
    `SELECT subject_id, event_type, district_code, subject_unit, occurred_at, data FROM ${checkpoint.schema}.trail
        WHERE aggregate IN ('case', 'responsibility') AND recorded_at <= $1 ORDER BY log_position`,
    [asOf.toISOString()],
  );
  const facts: TrailFact[] = rows.map((r) => ({
    subjectId: r.subject_id,
    type: r.event_type,
    unit: unitOfFact(level, r.event_type, r.district_code, r.subject_unit),
    occurredAt: new Date(r.occurred_at).toISOString(),
    data: r.data,
  }));
  for (const b of bimonths) {
    const next =
      b.lastMonth % 100 === 12 ? [Math.floor(b.lastMonth / 100) + 1, 1] : [Math.floor(b.lastMonth / 100), (b.lastMonth % 100) + 1];
    const bimonth = { ...b, endsAt: startOfLocalDay(next[0], next[1], 1).getTime() };
    for (const [unit, c] of accountabilityCounts(facts, bimonth))
      for (const [m, n] of Object.entries(c)) set(b.code, unit, m as Measure, n);
    for (const [unit, d] of rectificationsOnTime(facts, bimonth, asOf.getTime()))
      set(b.code, unit, 'rectifications-on-time', d.onTime / d.due);
  }
  return checkpoint.position ? formatPosition(checkpoint.position) : null;
}

/** Districts answer for the cases of their district and the responsibilities of units within it; departments for their own. */
function unitOfFact(level: AssessedLevel, type: string, districtCode: string | null, subjectUnit: string | null): string | null {
  const ofOrgUnit = (code: string | null) =>
    code && referenceData.level(code) && referenceData.level(code) !== 'city' ? code.slice(0, 6) : null;
  if (level === 'department') return subjectUnit && referenceData.department(subjectUnit) ? subjectUnit : null;
  return type === 'ResponsibilityAssigned' ? ofOrgUnit(subjectUnit) : districtCode;
}

/** How a measure's value reads: a proportion (0..1) or a count. A bulletin prints proportions as percentages. */
export function measureUnit(m: Measure): 'proportion' | 'count' {
  if (m === 'supervision-compliance' || m === 'pilot-townships' || m === 'rectifications-on-time') return 'proportion';
  return m.startsWith('indicator:') && indicatorOf(m).unit === 'proportion' ? 'proportion' : 'count';
}
