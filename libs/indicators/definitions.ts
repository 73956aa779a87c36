/**
 * What an indicator is, for the analyst (`GET /indicators`) and for the query engine: numerator and
 * denominator as sums over one read model's count table, the dimensions it can be broken down by, and
 * the target it is judged against. Rates are always sum(numerator) / sum(denominator), never averaged.
 */
import { Period } from '@libs/periods';
import { OrgUnitLevel } from './org-unit-path';

export type IndicatorUnit =
  | 'households'
  | 'villages'
  | 'needs'
  | 'services'
  | 'loans'
  | 'fen'
  | 'proportion'
  | 'activities'
  | 'sessions'
  | 'attendances'
  | 'materials'
  | 'people'
  | 'tests'
  | 'grants'
  | 'items';

export interface Measure {
  /** What is counted, in words. */
  label: string;
  /** SQL aggregate over the count table, e.g. `sum(active)`. */
  sql: string;
}

export interface IndicatorDefinition {
  name: string;
  title: string;
  description: string;
  unit: IndicatorUnit;
  /** The read model it is computed from: its checkpoint is the log position the answer reflects. */
  readModel: string;
  numerator: { label: string };
  denominator?: { label: string };
  /** Dimension name (the `by=` value) to the column it breaks down by. */
  dimensions: Readonly<Record<string, string>>;
  /** `month`: periods select months of the row's period column; `year`: whole years only. */
  periodGrain: 'month' | 'year';
  /**
   * As DHIS2's aggregation types: a `flow` counts what happened during the period (services delivered, loans
   * granted: periods add up); a `stock` is the state at the period's end (households enrolled and active,
   * certified: `pe=2013` is the state at the end of 31 December 2013, local time, and `asOf=2013-06-30` that of
   * a local day). Stocks never add up over periods.
   */
  aggregation: 'flow' | 'stock';
  interval?: 'wilson';
  target?: { value: number; label: string };
  /** Levels it can be reported at; all four when absent. */
  levels?: readonly OrgUnitLevel[];
}

/** A request checked against the indicator and the reference data. */
export interface IndicatorRequest {
  orgUnit: string;
  orgUnitLevel: OrgUnitLevel;
  level: OrgUnitLevel;
  /** Undefined: all time, one row group (for a stock: the state now). */
  periods?: Period[];
  /** Stocks only: the local day (`2013-12-31`) whose end the state is read at, instead of periods' ends. */
  asOf?: string;
  by: string[];
}

export interface IndicatorRow {
  orgUnit: string;
  orgUnitName?: string;
  level: OrgUnitLevel;
  period: string;
  [dimension: string]: unknown;
  numerator: number;
  denominator: number | null;
  value: number | null;
}

/**
 * What an indicator asks of the database: one SELECT over the read model's copy, and how its result rows
 * (column name to value, as JSON would carry them) become indicator rows. Pure: the service runs it.
 */
export interface IndicatorQuery {
  sql: string;
  params: unknown[];
  toRows(result: Record<string, unknown>[]): IndicatorRow[];
}

export interface Indicator extends IndicatorDefinition {
  /** The statement answering `request` from the copy in `schema`; its parameters are `$1..$n` of `params`. */
  query(schema: string, request: IndicatorRequest): IndicatorQuery;
}
