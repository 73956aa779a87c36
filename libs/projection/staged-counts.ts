/**
 * A rebuild's count rows, staged: each window's summed count rows are appended by COPY to an unkeyed table
 * beside their count table (`<table>__staged`), and the finish sums them into the count table once, in its
 * transaction. Before, a count row whose key an earlier window had written was added by upsert into the keyed
 * table: at a million events 361,000 such rows, 12.7 s of the server's time, plus a Bloom filter per count
 * table to tell them apart. Nothing reads a count table while its copy loads (projections only add to them).
 * The staged table is an ordinary (logged) one: its rows are committed with the rebuild's position, so a
 * resumed rebuild appends to it and the finish still counts every row exactly once.
 */
import { EntityManager } from 'typeorm';
import { BulkColumn, CellValue } from './bulk-rows';
import { copyRows } from './copy-rows';

type Queryable = Pick<EntityManager, 'query'>;

const SUFFIX = '__staged';

/** What the finish needs to sum a staged table, kept in its comment (a resumed rebuild's process has no other). */
interface StagedShape {
  key: readonly string[];
  sums: readonly string[];
}

/**
 * Appends `rows` (in the order of `columns`) to `table`'s staged table, creating it with its first rows.
 * `known`: staged tables this writer has already seen or made, asked about once, not at every flush (a failed
 * flush ends the writer, so one made in a transaction that rolled back is never taken for one that exists).
 */
export async function stageCountRows(
  tx: EntityManager,
  table: string,
  columns: readonly BulkColumn[],
  shape: StagedShape,
  rows: readonly (readonly CellValue[])[],
  known: Set<string> = new Set(),
): Promise<void> {
  if (rows.length === 0) return;
  const staged = `${table}${SUFFIX}`;
  if (!known.has(staged)) await createStagedTable(tx, table, staged, shape);
  known.add(staged);
  await copyRows(tx, staged, columns, rows);
}

async function createStagedTable(tx: EntityManager, table: string, staged: string, shape: StagedShape): Promise<void> {
  const [{ exists }] = await tx.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [staged]);
  if (!exists) {
    await tx.query(`CREATE TABLE ${staged} (LIKE ${table} INCLUDING DEFAULTS) WITH (autovacuum_enabled = false)`);
    await tx.query(`COMMENT ON TABLE ${staged} IS '${JSON.stringify({ key: shape.key, sums: shape.sums })}'`);
  }
}

/**
 * Sums every staged table of `schema` into its count table (added to rows a batch applied apart may have
 * written there) and drops it. The columns neither in the key nor summed (a village's township, district and
 * city) follow from the key, so any row's value will do.
 */
export async function mergeStagedCounts(db: Queryable, schema: string): Promise<void> {
  const staged: { name: string; comment: string }[] = await db.query(
    `SELECT relname AS name, obj_description(oid, 'pg_class') AS comment FROM pg_class
      WHERE relnamespace = $1::regnamespace AND relkind = 'r' AND relname LIKE $2 ORDER BY 1`,
    [schema, `%${SUFFIX.replace(/_/g, '\\_')}`],
  );
  // The sums are grouped in memory when they fit (a hash aggregate of a million-event rebuild's 250,000 keys
  // spills to disk at the default 4 MB); the finish is one transaction, so this lasts as long as it.
  if (staged.length > 0) await db.query(`SET LOCAL work_mem = '64MB'`);
  for (const { name, comment } of staged) {
    const table = `${schema}.${name.slice(0, -SUFFIX.length)}`;
    const { key, sums } = JSON.parse(comment) as StagedShape;
    const columns: { name: string }[] = await db.query(
      `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      [table],
    );
    const rest = columns.map((c) => c.name).filter((c) => !key.includes(c) && !sums.includes(c));
    const [{ empty }] = await db.query(`SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty`);
    // Into an empty table (the usual case: only a batch applied apart writes there directly) with its primary key
    // dropped and built again after, in one sort, instead of a row at a time (a third of the finish's statement
    // time at a million events); otherwise added to what is there.
    const primaryKey = empty ? await primaryKeyOf(db, table) : undefined;
    if (primaryKey) await db.query(`ALTER TABLE ${table} DROP CONSTRAINT ${primaryKey.name}`);
    const onConflict = empty
      ? ''
      : `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${sums.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`;
    await db.query(
      `INSERT INTO ${table} AS t (${[...key, ...rest, ...sums].join(', ')})
       SELECT ${[...key, ...rest.map((c) => `min(${c})`), ...sums.map((c) => `sum(${c})`)].join(', ')}
         FROM ${schema}.${name} GROUP BY ${key.join(', ')} ${onConflict}`,
    );
    if (primaryKey) await db.query(`ALTER TABLE ${table} ADD CONSTRAINT ${primaryKey.name} ${primaryKey.definition}`);
    await db.query(`DROP TABLE ${schema}.${name}`);
  }
}

/** The table's primary key constraint: its name and definition (`PRIMARY KEY (...)`, its columns in their order). */
async function primaryKeyOf(db: Queryable, table: string): Promise<{ name: string; definition: string } | undefined> {
  const [row] = await db.query(
    `SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'`,
    [table],
  );
  return row;
}
