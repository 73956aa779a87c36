/**
 * Answers an indicator request from one read model's active copy in a single statement, so the rows and the
 * log position they reflect come from the same snapshot without a transaction around them: the statement
 * reads the checkpoint beside the rows, and only if it still names the copy the rows were read from.
 */
import { DataSource } from 'typeorm';
import { formatPosition, position } from '@libs/event-store';
import { withPreparedStatements } from '@libs/projection/prepared';
import { ReadModelBehindError } from '@libs/read-sources';
import { referenceData } from '@libs/reference-data';
import { Indicator, IndicatorRequest, IndicatorRow } from './definitions';

export interface IndicatorAnswer {
  indicator: string;
  unit: string;
  orgUnit: string;
  level: string;
  periods: string[];
  /** Stocks read at the end of a local day instead of periods' ends. */
  asOf?: string;
  by: string[];
  /** The log position and the time (when the log accepted that event) the rows reflect. */
  reflects: { position: string | null; recordedAt: string | null };
  rows: IndicatorRow[];
}

const UNDEFINED_TABLE = '42P01';

interface Reflected {
  commit: string;
  prepare: string;
  recorded_at: string | null;
}

/**
 * The copy each read model answered from last, per data source. Only a guess: the statement checks it, so
 * after a swap one answer costs a look-up and a retry, never a wrong answer. It saves a round trip an
 * answer, and under load a round trip costs as much as the aggregate itself.
 */
const lastCopies = new WeakMap<DataSource, Map<string, string>>();

export async function answerIndicator(dataSource: DataSource, indicator: Indicator, request: IndicatorRequest): Promise<IndicatorAnswer> {
  const copies = lastCopies.get(dataSource) ?? new Map<string, string>();
  lastCopies.set(dataSource, copies);
  const guess = copies.get(indicator.readModel);
  const answer = guess === undefined ? undefined : await answerFrom(dataSource, indicator, request, guess);
  if (answer) return answer;
  // A rebuild may swap (and drop) the copy between the look-up and the statement: then once more.
  for (let attempt = 0; attempt < 2; attempt++) {
    const schema = await activeSchema(dataSource, indicator.readModel);
    copies.set(indicator.readModel, schema);
    const fresh = await answerFrom(dataSource, indicator, request, schema);
    if (fresh) return fresh;
  }
  throw new Error(`read model ${indicator.readModel} was swapped twice while answering`);
}

async function activeSchema(dataSource: DataSource, readModel: string): Promise<string> {
  const rows: { active_schema: string }[] = await dataSource.query(
    `SELECT active_schema FROM projections.checkpoints WHERE projection = $1`,
    [readModel],
  );
  // Not built yet (a new database, a projector starting): behind, so the caller is told to come back.
  if (!rows[0]?.active_schema) throw new ReadModelBehindError(readModel);
  return rows[0].active_schema;
}

/** Undefined when `schema` is not (or no longer) the read model's active copy. */
async function answerFrom(
  dataSource: DataSource,
  indicator: Indicator,
  request: IndicatorRequest,
  schema: string,
): Promise<IndicatorAnswer | undefined> {
  const query = indicator.query(schema, request);
  const n = query.params.length;
  let result: { reflected: Reflected | null; rows: Record<string, unknown>[] }[];
  try {
    // json_agg over the ordered subquery keeps its order (PostgreSQL aggregates a sorted input in that order).
    result = await runPrepared(
      dataSource,
      `SELECT (SELECT row_to_json(c) FROM (SELECT commit_position::text AS commit, prepare_position::text AS prepare, last_recorded_at AS recorded_at
                                          FROM projections.checkpoints WHERE projection = $${n + 1} AND active_schema = $${n + 2}) c) AS reflected,
              (SELECT coalesce(json_agg(a), '[]'::json) FROM (${query.sql}) a) AS rows`,
      [...query.params, indicator.readModel, schema],
    );
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return undefined;
    throw error;
  }
  const [{ reflected, rows }] = result;
  if (!reflected) return undefined;
  return {
    indicator: indicator.name,
    unit: indicator.unit,
    orgUnit: request.orgUnit,
    level: request.level,
    periods: request.asOf !== undefined ? [] : (request.periods?.map((p) => p.code) ?? ['all']),
    ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
    by: request.by,
    reflects: reflects(reflected),
    rows: query
      .toRows(rows)
      .map(({ orgUnit, level, period, ...rest }) =>
        withYuan(indicator, { orgUnit, orgUnitName: referenceData.orgUnit(orgUnit)?.name, level, period, ...rest } as IndicatorRow),
      ),
  };
}

/**
 * Runs `text` as a named prepared statement on a pooled connection: parsed and planned once per connection
 * rather than per answer (planning cost as much as executing over a rollup). The text names the copy's
 * schema, so a swap makes new statements and a dropped copy fails with undefined-table, as unprepared.
 */
async function runPrepared<Row>(dataSource: DataSource, text: string, values: unknown[]): Promise<Row[]> {
  const runner = dataSource.createQueryRunner();
  try {
    return await (await withPreparedStatements(runner.manager)).query(text, values);
  } finally {
    await runner.release();
  }
}

function reflects({ commit, prepare, recorded_at }: Reflected): IndicatorAnswer['reflects'] {
  const at = BigInt(commit);
  return {
    position: at < 0n ? null : formatPosition(position(at, BigInt(prepare))),
    recordedAt: recorded_at ? new Date(recorded_at).toISOString() : null,
  };
}

/** Rates in CSV: 4 decimal places (a tenth of a percentage point is the seed's own precision); JSON keeps them exact. */
export const RATE_DECIMALS = 4;

/**
 * Money is stored and counted in integer fen; people read yuan. Beside every amount in fen (`value` of a fen
 * indicator, each `...Fen` extra) goes the same amount in yuan (`valueYuan`, `...Yuan`): fen / 100, exact.
 */
export function withYuan(indicator: Pick<Indicator, 'unit'>, row: IndicatorRow): IndicatorRow {
  const out: IndicatorRow = { ...row };
  for (const [key, amount] of Object.entries(row)) {
    if (typeof amount !== 'number') continue;
    if (key === 'value' && indicator.unit === 'fen') out.valueYuan = amount / 100;
    else if (/^[a-z]\w*Fen$/.test(key)) out[key.replace(/Fen$/, 'Yuan')] = amount / 100;
  }
  return out;
}

/** `certification-rate_640104_2013.csv`: the indicator, org unit and periods, in characters any file system takes. */
export function csvFilename(answer: Pick<IndicatorAnswer, 'indicator' | 'orgUnit' | 'periods'> & { asOf?: string }): string {
  const when = answer.asOf ?? answer.periods.join('_');
  return `${answer.indicator}_${answer.orgUnit}_${when}`.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 120) + '.csv';
}

/** CSV of an answer's rows: one header line, the columns of every row in a stable order. */
export function toCsv(answer: IndicatorAnswer, indicator: Indicator): string {
  const columns = ['orgUnit', 'orgUnitName', 'level', 'period', ...answer.by, 'numerator', 'denominator', 'value'];
  if (indicator.interval) columns.push('lower', 'upper');
  if (indicator.target) columns.push('target', 'targetMet');
  const extras = [...new Set(answer.rows.flatMap((row) => Object.keys(row)))].filter((k) => !columns.includes(k) && k !== 'interval');
  columns.push(...extras);
  const lines = answer.rows.map((row) => {
    const interval = row.interval as { lower: number; upper: number } | null | undefined;
    const cell = (c: string) => (c === 'lower' ? interval?.lower : c === 'upper' ? interval?.upper : row[c]);
    const rate = (c: string) => indicator.unit === 'proportion' && ['value', 'lower', 'upper', 'target'].includes(c);
    return columns.map((c) => csvCell(rate(c) ? rounded(cell(c)) : cell(c))).join(',');
  });
  return [columns.join(','), ...lines].join('\n') + '\n';
}

function rounded(value: unknown): unknown {
  return typeof value === 'number' ? Number(value.toFixed(RATE_DECIMALS)) : value;
}

/** Only text can hold a comma, quote or line break: numbers and booleans skip the test. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
