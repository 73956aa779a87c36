/**
 * The names the `reporting` views show beside codes: `reporting.org_unit_names` (every org unit, Chinese and
 * English) and `reporting.code_names` (household categories, focus areas, need kinds, borrower groups,
 * departments, service types, loan programmes), written from the reference data this build ships each time
 * the views are (re)pointed, so a new names file reaches the views with the next rebuild.
 */
import { EntityManager } from 'typeorm';
import { referenceNames } from '../reference-data/names';

type Queryable = Pick<EntityManager, 'query'>;

/** The code_names kinds, as the reference catalogue names them. */
export const CODE_NAME_KINDS = {
  category: 'categories',
  'focus-area': 'focusAreas',
  'need-kind': 'needKinds',
  'borrower-group': 'borrowerGroups',
  department: 'departments',
  'service-type': 'serviceTypes',
  'loan-programme': 'loanPrograms',
} as const;
export type CodeNameKind = keyof typeof CODE_NAME_KINDS;

export async function writeReportingNames(db: Queryable): Promise<void> {
  // Two read models may swap at once: one writer at a time (in a swap's transaction, until it commits).
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('reporting-names'))`);
  await db.query(`CREATE SCHEMA IF NOT EXISTS reporting`);
  await db.query(`CREATE TABLE IF NOT EXISTS reporting.org_unit_names (
    code text PRIMARY KEY, level text NOT NULL, parent_code text, name_zh text NOT NULL, name_en text NOT NULL)`);
  await db.query(`CREATE TABLE IF NOT EXISTS reporting.code_names (
    kind text NOT NULL, code text NOT NULL, name_zh text NOT NULL, name_en text NOT NULL, PRIMARY KEY (kind, code))`);
  const units = referenceNames.orgUnits;
  await db.query(
    `INSERT INTO reporting.org_unit_names AS o SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en
     WHERE (o.level, o.parent_code, o.name_zh, o.name_en) IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.name_zh, EXCLUDED.name_en)`,
    [
      units.map((u) => u.code),
      units.map((u) => u.level),
      units.map((u) => u.parent),
      units.map((u) => u.name['zh-CN']),
      units.map((u) => u.name.en),
    ],
  );
  const codes = Object.entries(CODE_NAME_KINDS).flatMap(([kind, list]) =>
    referenceNames.catalogue[list].map((item) => [kind, item.code, item.name['zh-CN'], item.name.en]),
  );
  await db.query(
    `INSERT INTO reporting.code_names AS c SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (kind, code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en
     WHERE (c.name_zh, c.name_en) IS DISTINCT FROM (EXCLUDED.name_zh, EXCLUDED.name_en)`,
    [0, 1, 2, 3].map((i) => codes.map((row) => row[i])),
  );
}

/**
 * A reporting view's select with names beside its codes: for each org-unit level its `<level>_name_zh` and
 * `<level>_name_en`, for each coded column (`department_code`, `category`) its `<name>_name_zh` and `_name_en`.
 */
export function withNames(
  select: string,
  names: { levels: readonly ('district' | 'township' | 'village')[]; codes: Readonly<Record<string, CodeNameKind>> },
): string {
  const columns: string[] = [];
  const joins: string[] = [];
  for (const level of names.levels) {
    columns.push(`u_${level}.name_zh AS ${level}_name_zh`, `u_${level}.name_en AS ${level}_name_en`);
    joins.push(`LEFT JOIN reporting.org_unit_names u_${level} ON u_${level}.code = v.${level}_code`);
  }
  for (const [column, kind] of Object.entries(names.codes)) {
    const name = column.replace(/_code$/, '');
    columns.push(`c_${name}.name_zh AS ${name}_name_zh`, `c_${name}.name_en AS ${name}_name_en`);
    joins.push(`LEFT JOIN reporting.code_names c_${name} ON c_${name}.kind = '${kind}' AND c_${name}.code = v.${column}`);
  }
  return `SELECT v.*, ${columns.join(', ')} FROM (${select}) v ${joins.join(' ')}`;
}
