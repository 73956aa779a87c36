/**
 * Turns the query string of `GET /indicators/{name}` into a checked request. Every refusal names the bad
 * value (query parameters are codes, never personal data), for a 400.
 */
import { MAX_YEAR, MIN_YEAR, Period, parsePeriods, PeriodError } from '@libs/periods';
import { referenceData } from '@libs/reference-data';
import { ORG_UNIT_LEVELS, OrgUnitLevel } from './org-unit-path';
import { IndicatorDefinition, IndicatorRequest } from './definitions';

export class IndicatorRequestError extends Error {
  constructor(
    readonly code:
      'unknown-indicator' | 'unknown-dimension' | 'unknown-org-unit' | 'invalid-level' | 'invalid-period' | 'invalid-parameter',
    message: string,
  ) {
    super(message);
    this.name = 'IndicatorRequestError';
  }
}

export interface RawIndicatorQuery {
  ou?: unknown;
  level?: unknown;
  pe?: unknown;
  by?: unknown;
  asOf?: unknown;
}

const CITY = '640100';
/** Periods a request may list, as many as one DHIS2 export holds (libs/dhis2/periods.ts). */
export const MAX_PERIODS = 120;
/**
 * Months all its periods cover together (200 years): each (period, month) pair is a row of the period join, and
 * a few hundred distinct long ranges made millions of them, tens of seconds of a worker for one request.
 */
export const MAX_PERIOD_MONTHS = 2_400;
const quote = (value: string) => `"${value.slice(0, 40)}"`;

function text(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new IndicatorRequestError('invalid-parameter', `parameter ${name} must be given once`);
  return value;
}

export function parseIndicatorRequest(indicator: IndicatorDefinition, query: RawIndicatorQuery): IndicatorRequest {
  const orgUnit = text('ou', query.ou) ?? CITY;
  const orgUnitLevel = referenceData.level(orgUnit);
  if (!orgUnitLevel) throw new IndicatorRequestError('unknown-org-unit', `unknown org unit ${quote(orgUnit)}`);
  const level = parseLevel(indicator, text('level', query.level), orgUnitLevel);
  let periods;
  const pe = text('pe', query.pe);
  try {
    periods = pe === undefined ? undefined : parsePeriods(pe);
  } catch (error) {
    if (error instanceof PeriodError) throw new IndicatorRequestError('invalid-period', `malformed period ${error.message}`);
    throw error;
  }
  if (periods) checkSpan(periods);
  if (periods && indicator.periodGrain === 'year') {
    const partial = periods.find((p) => p.firstMonth % 100 !== 1 || p.lastMonth % 100 !== 12);
    if (partial)
      throw new IndicatorRequestError('invalid-period', `period ${quote(partial.code)} is not whole years; ${indicator.name} is yearly`);
  }
  const asOf = parseAsOf(indicator, text('asOf', query.asOf), pe);
  const byText = text('by', query.by);
  const by = byText === undefined || byText === '' ? [] : byText.split(',').map((d) => d.trim());
  const unknown = by.find((d) => !Object.hasOwn(indicator.dimensions, d));
  if (unknown !== undefined) {
    const known = Object.keys(indicator.dimensions).join(', ') || 'none';
    throw new IndicatorRequestError('unknown-dimension', `unknown dimension ${quote(unknown)} for ${indicator.name}; known: ${known}`);
  }
  return { orgUnit, orgUnitLevel, level, periods, by: [...new Set(by)], ...(asOf === undefined ? {} : { asOf }) };
}

/** Refuses more than MAX_PERIODS periods, or more than MAX_PERIOD_MONTHS months in all. */
function checkSpan(periods: readonly Period[]): void {
  if (periods.length > MAX_PERIODS)
    throw new IndicatorRequestError('invalid-period', `${periods.length} periods asked for; at most ${MAX_PERIODS} at a time`);
  const months = periods.reduce((sum, p) => sum + monthsBetween(p.firstMonth, p.lastMonth), 0);
  if (months > MAX_PERIOD_MONTHS)
    throw new IndicatorRequestError('invalid-period', `the periods cover ${months} months; at most ${MAX_PERIOD_MONTHS} at a time`);
}

/** Months from `first` to `last` (yyyymm), both included. */
const monthsBetween = (first: number, last: number) =>
  (Math.floor(last / 100) - Math.floor(first / 100)) * 12 + (last % 100) - (first % 100) + 1;

/** `asOf=2013-12-31`: a local day of the programme calendar (its end), for stocks, instead of `pe`. */
function parseAsOf(indicator: IndicatorDefinition, asOf: string | undefined, pe: string | undefined): string | undefined {
  if (asOf === undefined) return undefined;
  if (indicator.aggregation !== 'stock')
    throw new IndicatorRequestError('invalid-parameter', `asOf is for stocks; ${indicator.name} is a flow: use pe`);
  if (pe !== undefined) throw new IndicatorRequestError('invalid-parameter', 'give pe or asOf, not both');
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  // Date.UTC reads years 0..99 as 1900..1999: the year is bounded first, as a period's is.
  const valid =
    match &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!valid) throw new IndicatorRequestError('invalid-parameter', `asOf ${quote(asOf)} is not a local date (yyyy-mm-dd)`);
  return asOf;
}

function parseLevel(indicator: IndicatorDefinition, given: string | undefined, orgUnitLevel: OrgUnitLevel): OrgUnitLevel {
  const allowed = indicator.levels ?? ORG_UNIT_LEVELS;
  const level = (given ?? (allowed.includes(orgUnitLevel) ? orgUnitLevel : allowed[allowed.length - 1])) as OrgUnitLevel;
  if (!ORG_UNIT_LEVELS.includes(level))
    throw new IndicatorRequestError('invalid-level', `unknown level ${quote(level)}; known: ${ORG_UNIT_LEVELS.join(', ')}`);
  if (ORG_UNIT_LEVELS.indexOf(level) < ORG_UNIT_LEVELS.indexOf(orgUnitLevel)) {
    throw new IndicatorRequestError('invalid-level', `level ${quote(level)} is above the org unit's level (${orgUnitLevel})`);
  }
  if (!allowed.includes(level))
    throw new IndicatorRequestError(
      'invalid-level',
      `level ${quote(level)} is not reported for ${indicator.name}; use ${allowed.join(', ')}`,
    );
  return level;
}
