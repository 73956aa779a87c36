/** The district rollups stay equal to their count tables summed by district, and answer as the village grain would. */
import { rebuildProjection } from '@libs/projection/rebuild';
import { answerIndicator, IndicatorRow, parseIndicatorRequest, rollupTable } from '@libs/indicators';
import { categoryCountsReadModel } from './category-counts/category-counts.tables';
import { catalogue, indicatorProjections } from './index';
import { appendCampaign, generateCampaign } from './shared/testing/campaign-generator';
import { activeSchema, openProjectionDatabase, ProjectionDatabase } from './shared/testing/harness';

const COUNT_TABLES: Record<string, { table: string; keys: string[] }> = {
  'category-counts': { table: 'category_counts', keys: ['category', 'enrolment_year', 'period'] },
  'needs-status': { table: 'need_counts', keys: ['focus_area', 'kind', 'period'] },
  'service-deliveries': { table: 'service_counts', keys: ['department_code', 'service_type_code', 'focus_area', 'period'] },
  'satisfaction-rates': { table: 'satisfaction_counts', keys: ['department_code', 'service_type_code', 'focus_area', 'period'] },
  'loan-portfolio': { table: 'loan_counts', keys: ['programme_code', 'borrower_group', 'period'] },
};

describe('district rollups', () => {
  let db: ProjectionDatabase;
  beforeAll(async () => {
    db = await openProjectionDatabase();
    await appendCampaign(db.store, generateCampaign(Array.from({ length: 400 }, (_, i) => i)));
    // Small batches, so count rows are inserted and then updated by later statements.
    for (const projection of indicatorProjections) await rebuildProjection(projection, db.store, db.dataSource, { batchSize: 13 });
  });
  afterAll(() => db.close());

  /** The non-zero rows of `sql`, as sorted JSON text. */
  async function nonZeroRows(sql: string): Promise<string[]> {
    const rows: Record<string, unknown>[] = await db.dataSource.query(sql);
    return rows
      .filter((row) => Object.values(row).some((v) => typeof v !== 'string' && Number(v) !== 0))
      .map((row) => JSON.stringify(row))
      .sort();
  }

  it.each(Object.entries(COUNT_TABLES))("keeps %s's rollup equal to its count table summed by district", async (name, { table, keys }) => {
    const projection = indicatorProjections.find((p) => p.name === name)!;
    const schema = await activeSchema(db.dataSource, projection);
    const counts: { column_name: string }[] = await db.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND ordinal_position > 4 + $3 ORDER BY ordinal_position`,
      [schema, table, keys.length],
    );
    const group = ['district_code', 'city_code', ...keys].join(', ');
    const sums = counts.map(({ column_name: c }) => `sum(${c})::bigint AS ${c}`).join(', ');
    const summed = await nonZeroRows(`SELECT ${group}, ${sums} FROM ${schema}.${table} GROUP BY ${group}`);
    expect(summed.length).toBeGreaterThan(0);
    expect(await nonZeroRows(`SELECT ${group}, ${sums} FROM ${schema}.${rollupTable(table)} GROUP BY ${group}`)).toEqual(summed);
  });

  it('follows inserts, upserts, updates and deletes of a count table, several rows a statement', async () => {
    // A copy of its own, so the rows written here stay out of the answers the other tests compare.
    const schema = 'rm_rollup_triggers';
    await db.dataSource.query(`CREATE SCHEMA ${schema}`);
    for (const ddl of categoryCountsReadModel.tables(schema)) await db.dataSource.query(ddl);
    const row = (village: string, active: number) =>
      `('${village}', '${village.slice(0, 9)}', '${village.slice(0, 6)}', '640100', 'stable', 2099, 209901, ${active}, 0, 0)`;
    const insert = `INSERT INTO ${schema}.category_counts AS t VALUES`;
    const upsert = `ON CONFLICT (village_code, category, enrolment_year, period) DO UPDATE SET active = t.active + EXCLUDED.active`;
    const rolledUp = async () =>
      db.dataSource.query(
        `SELECT district_code, active FROM ${schema}.district_category_counts WHERE enrolment_year = 2099 AND active <> 0 ORDER BY 1`,
      );
    await db.dataSource.query(`${insert} ${row('640104001001', 2)}, ${row('640104001002', 3)}, ${row('640105001001', 1)}`);
    expect(await rolledUp()).toEqual([
      { district_code: '640104', active: 5 },
      { district_code: '640105', active: 1 },
    ]);
    await db.dataSource.query(`${insert} ${row('640104001001', 4)}, ${row('640106001001', 7)} ${upsert}`);
    expect(await rolledUp()).toEqual([
      { district_code: '640104', active: 9 },
      { district_code: '640105', active: 1 },
      { district_code: '640106', active: 7 },
    ]);
    await db.dataSource.query(`UPDATE ${schema}.category_counts SET active = active - 1 WHERE enrolment_year = 2099`);
    expect(await rolledUp()).toEqual([
      { district_code: '640104', active: 7 },
      { district_code: '640106', active: 6 },
    ]);
    await db.dataSource.query(`DELETE FROM ${schema}.category_counts WHERE enrolment_year = 2099 AND district_code = '640104'`);
    expect(await rolledUp()).toEqual([{ district_code: '640106', active: 6 }]);
  });

  it.each([
    ['households-enrolled', { by: 'category', pe: '2012;2013Q2' }],
    ['certification-rate', { by: 'category' }],
    ['satisfaction-rate', { by: 'department', pe: '2012' }],
    ['loans-granted', { by: 'programme' }],
    ['needs-met-rate', { by: 'focusArea', pe: '201201:201306' }],
    ['services-delivered', { by: 'department,serviceType' }],
  ])('answers %s by district from the rollup as the villages summed would', async (name, query) => {
    const indicator = catalogue.find(name)!;
    const answer = async (level: string) =>
      (await answerIndicator(db.dataSource, indicator, parseIndicatorRequest(indicator, { ...query, level }))).rows;
    const byDistrict = new Map<string, { numerator: number; denominator: number | null }>();
    for (const row of await answer('village')) {
      const key = JSON.stringify([row.orgUnit.slice(0, 6), row.period, ...query.by.split(',').map((d) => row[d])]);
      const sum = byDistrict.get(key) ?? { numerator: 0, denominator: row.denominator === null ? null : 0 };
      byDistrict.set(key, {
        numerator: sum.numerator + row.numerator,
        denominator: sum.denominator === null ? null : sum.denominator + row.denominator!,
      });
    }
    const districts = await answer('district');
    expect(districts.length).toBeGreaterThan(0);
    const fromRollup = new Map(
      districts.map((row) => [
        JSON.stringify([row.orgUnit, row.period, ...query.by.split(',').map((d) => row[d])]),
        { numerator: row.numerator, denominator: row.denominator },
      ]),
    );
    const nonZero = (sums: { numerator: number; denominator: number | null }) => sums.numerator !== 0 || (sums.denominator ?? 0) !== 0;
    expect([...fromRollup].filter(([, sums]) => nonZero(sums)).sort()).toEqual([...byDistrict].filter(([, sums]) => nonZero(sums)).sort());
  });

  it('answers from the new copy after a rebuild swaps out the one it answered from last', async () => {
    const indicator = catalogue.find('households-enrolled')!;
    const request = parseIndicatorRequest(indicator, { level: 'district', by: 'category' });
    const before = await answerIndicator(db.dataSource, indicator, request);
    const projection = indicatorProjections.find((p) => p.name === 'category-counts')!;
    const answeredFrom = await activeSchema(db.dataSource, projection);
    const { schema } = await rebuildProjection(projection, db.store, db.dataSource, { batchSize: 500 });
    expect(schema).not.toBe(answeredFrom);
    const after = await answerIndicator(db.dataSource, indicator, request);
    // Batches of different sizes leave different all-zero rows (a count moved and moved back): they say nothing.
    const counted = (rows: IndicatorRow[]) =>
      rows.filter((row) => Object.entries(row).some(([key, v]) => key !== 'value' && typeof v === 'number' && v !== 0));
    expect(counted(after.rows)).toEqual(counted(before.rows));
    expect(after.reflects).toEqual(before.reflects);
  });

  it('gives every count table of the read models a rollup', () => {
    const ddl = indicatorProjections.flatMap((definition) => definition.tables('rm_x'));
    for (const { table } of Object.values(COUNT_TABLES))
      expect(ddl.some((statement) => statement.includes(`CREATE TABLE rm_x.${rollupTable(table)} `))).toBe(true);
  });
});
