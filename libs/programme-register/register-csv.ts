/**
 * The programme's registers, as an administrator loads them from CSV: the households living in each village
 * by year (the denominator of the 60% goal and of pilot coverage), and the enrolment targets by year and org
 * unit (70,200 for the city in 2012). Pure: every refusal names the line and the value, and a file with any
 * bad line is refused whole, so nothing is half-loaded.
 */
import { referenceData } from '../reference-data';

export type RegisterKind = 'village-households' | 'enrolment-targets';
export const REGISTER_KINDS: readonly RegisterKind[] = ['village-households', 'enrolment-targets'];

/** One row of either register: the org unit (a village for the household register), the year, the count. */
export interface RegisterRow {
  orgUnitCode: string;
  year: number;
  households: number;
}

export class RegisterError extends Error {
  constructor(
    readonly line: number | undefined,
    message: string,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'RegisterError';
  }
}

const HEADERS: Record<RegisterKind, string> = {
  'village-households': 'village_code,year,households',
  'enrolment-targets': 'org_unit_code,year,households',
};
const MAX_ROWS = 100_000;
const quote = (value: string) => `"${value.slice(0, 40)}"`;

export function registerHeader(kind: RegisterKind): string {
  return HEADERS[kind];
}

export function parseRegisterCsv(kind: RegisterKind, text: string): RegisterRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines[0]?.trim() !== HEADERS[kind]) throw new RegisterError(1, `the header must be ${HEADERS[kind]}`);
  if (lines.length < 2) throw new RegisterError(undefined, 'the register has no rows');
  if (lines.length - 1 > MAX_ROWS) throw new RegisterError(undefined, `at most ${MAX_ROWS} rows`);
  const seen = new Map<string, number>();
  return lines.slice(1).map((line, i) => {
    const row = parseLine(kind, line, i + 2);
    const key = `${row.orgUnitCode}|${row.year}`;
    const first = seen.get(key);
    if (first !== undefined) throw new RegisterError(i + 2, `${row.orgUnitCode} in ${row.year} is already on line ${first}`);
    seen.set(key, i + 2);
    return row;
  });
}

function parseLine(kind: RegisterKind, line: string, number: number): RegisterRow {
  const cells = line.split(',').map((cell) => cell.trim());
  if (cells.length !== 3) throw new RegisterError(number, `expected 3 fields, got ${cells.length}`);
  const [code, yearText, countText] = cells;
  const level = referenceData.level(code);
  if (kind === 'village-households' && level !== 'village') throw new RegisterError(number, `unknown village ${quote(code)}`);
  if (!level) throw new RegisterError(number, `unknown org unit ${quote(code)}`);
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < 2000 || Number(yearText) > 2100)
    throw new RegisterError(number, `year ${quote(yearText)} is not a year`);
  if (!/^\d{1,9}$/.test(countText)) throw new RegisterError(number, `households ${quote(countText)} is not a non-negative whole number`);
  const households = Number(countText);
  if (kind === 'enrolment-targets' && households === 0) throw new RegisterError(number, 'a target of 0 households is no target');
  return { orgUnitCode: code, year: Number(yearText), households };
}
