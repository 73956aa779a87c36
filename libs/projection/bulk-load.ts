/**
 * A rebuild's copy is filled from empty by one writer, and nobody reads it until the swap: what keeps a live
 * copy's derived structures in step row by row is wasted there. So the copy is created without its secondary
 * indexes, with its district rollups' triggers disabled (a trigger statement per write statement was a sixth
 * of the rebuild's server time) and with autovacuum off, and made whole once, before the swap: each index built
 * in one pass, each rollup summed in one GROUP BY from its village table, autovacuum back on. The schema's comment marks a copy still loading, so a
 * resumed rebuild finishes it exactly once (the finish is one transaction).
 */
import { EntityManager } from 'typeorm';
import { rollupTable } from '../indicators/district-rollup';
import { assertSchemaName } from './copies';
import { ReadModelDefinition } from './projection';
import { mergeStagedCounts } from './staged-counts';

type Queryable = Pick<EntityManager, 'query'>;

const LOADING = 'family-ledger: bulk load, indexes and rollups pending';

/** Plain secondary indexes: built after the load. Unique ones stay (ON CONFLICT needs them). */
const deferred = (ddl: string) => /^\s*CREATE\s+INDEX\b/i.test(ddl);

/** Creates the copy's schema and tables (empty), ready for a bulk load. */
export async function createCopyForLoad(db: Queryable, definition: ReadModelDefinition, schema: string): Promise<void> {
  assertSchemaName(schema);
  await db.query(`CREATE SCHEMA ${schema}`);
  for (const ddl of definition.tables(schema)) if (!deferred(ddl)) await db.query(ddl);
  for (const table of await rolledUpTables(db, schema)) await db.query(`ALTER TABLE ${schema}.${table} DISABLE TRIGGER USER`);
  // Autovacuum would vacuum and analyse each growing table again and again (3-4 times each in a million-event
  // rebuild), all of it wasted: the finish analyses every table once.
  for (const table of await tablesOf(db, schema)) await db.query(`ALTER TABLE ${schema}.${table} SET (autovacuum_enabled = false)`);
  await db.query(`COMMENT ON SCHEMA ${schema} IS '${LOADING}'`);
}

/**
 * Sums the staged count rows into their tables (staged-counts.ts), builds the deferred indexes, fills the
 * rollups from their village tables and re-enables their triggers (the swap's catch-up and the live runner then
 * keep them in step as before). Call in one transaction; a copy not loading (finished before, or made before
 * this existed) is left as it is but for its staged counts.
 */
export async function finishLoad(db: Queryable, definition: ReadModelDefinition, schema: string): Promise<void> {
  assertSchemaName(schema);
  await mergeStagedCounts(db, schema); // whatever the comment says: only a write-behind's flushes stage counts
  const [{ comment }] = await db.query(`SELECT obj_description($1::regnamespace, 'pg_namespace') AS comment`, [schema]);
  if (comment !== LOADING) return;
  for (const ddl of definition.tables(schema)) if (deferred(ddl)) await db.query(ddl);
  for (const table of await rolledUpTables(db, schema)) {
    await refillRollup(db, schema, table);
    await db.query(`ALTER TABLE ${schema}.${table} ENABLE TRIGGER USER`);
  }
  for (const table of await tablesOf(db, schema)) await db.query(`ALTER TABLE ${schema}.${table} RESET (autovacuum_enabled)`);
  await db.query(`COMMENT ON SCHEMA ${schema} IS NULL`);
}

async function tablesOf(db: Queryable, schema: string): Promise<string[]> {
  const rows: { table: string }[] = await db.query(`SELECT tablename AS table FROM pg_tables WHERE schemaname = $1 ORDER BY 1`, [schema]);
  return rows.map((r) => r.table);
}

/** Count tables with a district rollup (libs/indicators/district-rollup.ts names its triggers `roll_up_*`). */
async function rolledUpTables(db: Queryable, schema: string): Promise<string[]> {
  const rows: { table: string }[] = await db.query(
    `SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE c.relnamespace = $1::regnamespace AND NOT t.tgisinternal AND t.tgname LIKE 'roll\\_up\\_%' ORDER BY 1`,
    [schema],
  );
  return rows.map((r) => r.table);
}

/** The rollup as its triggers would have left it: its key columns (primary key) grouped, the rest summed. */
async function refillRollup(db: Queryable, schema: string, table: string): Promise<void> {
  const rollup = `${schema}.${rollupTable(table)}`;
  const columns: { name: string; key: boolean }[] = await db.query(
    `SELECT a.attname AS name, coalesce(a.attnum = ANY(i.indkey::int2[]), false) AS key
       FROM pg_attribute a LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [rollup],
  );
  const keys = columns.filter((c) => c.key).map((c) => c.name);
  const counts = columns.filter((c) => !c.key).map((c) => c.name);
  await db.query(`TRUNCATE ${rollup}`);
  await db.query(
    `INSERT INTO ${rollup} (${[...keys, ...counts].join(', ')})
     SELECT ${keys.join(', ')}, ${counts.map((c) => `sum(${c})`).join(', ')} FROM ${schema}.${table} GROUP BY ${keys.join(', ')}`,
  );
}
