/**
 * `GET /dhis2/analytics` in DHIS2's analytics shape: `dimension=dx:a;b`, `dimension=pe:...`,
 * `dimension=ou:...` or `filter=ou:...`; dx items are the mapping's data element codes or the catalogue's
 * indicator names (DHIS2 "indicators": with `includeNumDen`, their numerator and denominator too).
 * Values are strings, as DHIS2 writes them; a refusal is DHIS2's 409 shape.
 */
import { Indicator, IndicatorAnswer, IndicatorCatalogue, IndicatorRequest, parseIndicatorRequest } from '../indicators';
import { DataElementMapping, Dhis2Mapping } from './mapping';
import { orgUnitName } from './org-units';

export interface AnalyticsQuery {
  dimension?: string | string[];
  filter?: string | string[];
  includeNumDen?: string;
}

export class AnalyticsError extends Error {
  override readonly name = 'AnalyticsError';
}

/** DHIS2's error body for a request it cannot answer. */
export const conflict = (message: string) => ({ httpStatus: 'Conflict', httpStatusCode: 409, status: 'ERROR', message });

interface Header {
  name: string;
  column: string;
  valueType: string;
  type: string;
  hidden: boolean;
  meta: boolean;
}
const header = (name: string, column: string, numeric = false): Header => ({
  name,
  column,
  valueType: numeric ? 'NUMBER' : 'TEXT',
  type: numeric ? 'java.lang.Double' : 'java.lang.String',
  hidden: false,
  meta: !numeric,
});

type Answerer = (indicator: Indicator, request: IndicatorRequest) => Promise<IndicatorAnswer>;

function items(query: AnalyticsQuery): { dimensions: Map<string, string[]>; order: string[]; filters: Map<string, string[]> } {
  const parse = (list: string | string[] | undefined) =>
    new Map(
      (Array.isArray(list) ? list : list ? [list] : []).map((text) => {
        // Only the first ':' ends the key: a period range (`pe:201201:201212`) keeps its own.
        const [key, values] = splitOnce(text, ':');
        if (!['dx', 'pe', 'ou'].includes(key) || !values)
          throw new AnalyticsError(`Dimension is not supported: ${text.slice(0, 40)} (use dx, pe or ou)`);
        return [key, values.split(';').filter(Boolean)] as [string, string[]];
      }),
    );
  const dimensions = parse(query.dimension);
  const filters = parse(query.filter);
  // A key given twice would keep only its last items (a Map): the others were dropped without a word.
  const given = [query.dimension, query.filter].flat().filter((text): text is string => typeof text === 'string');
  const repeated = given.map((text) => splitOnce(text, ':')[0]).find((key, i, keys) => keys.indexOf(key) !== i);
  if (repeated !== undefined)
    throw new AnalyticsError(`Dimension ${repeated} is given more than once: list its items in one, separated by ;`);
  if (!dimensions.get('dx')?.length && !filters.get('dx')?.length)
    throw new AnalyticsError('At least one data dimension item must be specified (dx)');
  if (!(dimensions.get('pe') ?? filters.get('pe'))?.length)
    throw new AnalyticsError('At least one period must be specified as a dimension or filter (pe)');
  return { dimensions, order: [...dimensions.keys()], filters };
}

export async function analytics(catalogue: IndicatorCatalogue, mapping: Dhis2Mapping, query: AnalyticsQuery, answer: Answerer) {
  const { dimensions, order, filters } = items(query);
  const numDen = query.includeNumDen === 'true';
  const elements = new Map(mapping.dataSets.flatMap((set) => set.dataElements).map((e) => [e.code, e]));
  const dx = dimensions.get('dx') ?? filters.get('dx')!;
  const periods = dimensions.get('pe') ?? filters.get('pe')!;
  const orgUnits = dimensions.get('ou') ?? filters.get('ou') ?? ['640100'];
  // A filter aggregates over its items: here one period (or a range a:b) and one org unit.
  if (!dimensions.has('pe') && periods.length > 1) throw new AnalyticsError('A period filter takes one period or one range (a:b)');
  if (!dimensions.has('ou') && orgUnits.length > 1) throw new AnalyticsError('An org unit filter takes one org unit');
  const rows = new Map<string, string[]>();
  const rowUnits = new Set<string>();
  for (const item of dx) {
    const element = elements.get(item);
    const indicator = catalogue.find(element?.indicator ?? item);
    if (!indicator) throw new AnalyticsError(`Data dimension item is not valid: ${item.slice(0, 60)}`);
    for (const ou of orgUnits) {
      const { rows: cells } = await answer(indicator, parseIndicatorRequest(indicator, { ou, pe: periods.join(';') }));
      for (const cell of cells) {
        const value = valueOf(element, cell);
        if (value === null || value === undefined) continue;
        // An indicator reported only below the unit asked for (pilot coverage: villages) answers for those units.
        if (cell.orgUnit !== ou && !dimensions.has('ou')) throw belowFilter(item, ou, cell.level);
        const coordinates: Record<string, string> = { dx: item, pe: cell.period, ou: cell.orgUnit };
        const row = order.map((key) => coordinates[key]).concat(String(value));
        if (numDen) row.push(...[cell.numerator, cell.denominator, 1, 1, 1].map((n) => (n === null || n === undefined ? '' : String(n))));
        // Units that overlap (a district and one of its townships) reach the same village: one row for it.
        rows.set(`${item}|${cell.period}|${cell.orgUnit}`, row);
        rowUnits.add(cell.orgUnit);
      }
    }
  }
  const headers = [
    ...order.map((key) => header(key, { dx: 'Data', pe: 'Period', ou: 'Organisation unit' }[key]!)),
    header('value', 'Value', true),
  ];
  if (numDen)
    headers.push(
      header('numerator', 'Numerator', true),
      header('denominator', 'Denominator', true),
      header('factor', 'Factor', true),
      header('multiplier', 'Multiplier', true),
      header('divisor', 'Divisor', true),
    );
  const names: Record<string, { name: string }> = {};
  for (const item of dx) names[item] = { name: elements.get(item)?.name ?? catalogue.find(item)?.title ?? item };
  for (const pe of periods) names[pe] = { name: pe };
  const ouItems = [...new Set([...orgUnits, ...rowUnits])];
  for (const ou of ouItems) names[ou] = { name: orgUnitName(ou) };
  return {
    headers,
    metaData: { items: names, dimensions: { dx, pe: periods, ou: ouItems, co: [] } },
    rows: [...rows.values()],
    height: rows.size,
    width: headers.length,
    headerWidth: headers.length,
  };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

/** A filter has no org unit column: rows of several units below it would repeat the same coordinates. */
function belowFilter(item: string, ou: string, level: string): AnalyticsError {
  return new AnalyticsError(
    `Data dimension item ${item.slice(0, 60)} is reported by ${level}, not for ${ou} as a whole: use dimension=ou:${ou} for a row per ${level}`,
  );
}

/** A data element's measure, or an indicator's value (a rate) when dx names an indicator. */
function valueOf(element: DataElementMapping | undefined, cell: Record<string, unknown>): unknown {
  const value = cell[element?.value ?? 'value'];
  return value === 0 && element ? null : value;
}
