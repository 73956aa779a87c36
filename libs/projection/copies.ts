/**
 * Copies of a read model: each lives in a schema of its own (`rm_<name>_v<version>_g<generation>`), so a
 * rebuild can fill a fresh copy while the active one answers, then swap in one short transaction. The
 * checkpoint row names the active copy; the `reporting` views are re-pointed at the swap.
 */
import { EntityManager } from 'typeorm';
import { ReadModelDefinition } from './projection';
import { writeReportingNames } from './reporting-names';

type Queryable = Pick<EntityManager, 'query'>;

/** A fresh schema name; the generation comes from a sequence, so two copies never collide. */
export async function newCopySchema(db: Queryable, definition: ReadModelDefinition): Promise<string> {
  const [{ generation }] = await db.query(`SELECT nextval('projections.copy_generation')::int AS generation`);
  return `rm_${definition.name.replace(/[^a-z0-9]+/g, '_')}_v${definition.version}_g${generation}`;
}

/** Creates the copy's schema and tables (empty). */
export async function createCopy(db: Queryable, definition: ReadModelDefinition, schema: string): Promise<void> {
  assertSchemaName(schema);
  await db.query(`CREATE SCHEMA ${schema}`);
  for (const ddl of definition.tables(schema)) await db.query(ddl);
}

/**
 * (Re)creates the read model's reporting views over `schema`; dropped first, as a new version may change
 * columns. The names the views join (reporting-names.ts) are written first, from this build's reference data.
 */
export async function pointReportingViews(db: Queryable, definition: ReadModelDefinition, schema: string): Promise<void> {
  assertSchemaName(schema);
  await writeReportingNames(db);
  for (const view of definition.reportingViews) {
    await db.query(`DROP VIEW IF EXISTS reporting.${view.name}`);
    await db.query(`CREATE VIEW reporting.${view.name} AS ${view.select(schema)}`);
  }
}

/**
 * A read model's first copy with an empty checkpoint, unless one exists: for migrations, and for a
 * projection added to the list without one. Returns the active schema.
 */
export async function ensureActiveCopy(db: Queryable, definition: ReadModelDefinition): Promise<string> {
  const existing: { active_schema: string | null }[] = await db.query(
    `SELECT active_schema FROM projections.checkpoints WHERE projection = $1`,
    [definition.name],
  );
  if (existing.length > 0 && existing[0].active_schema) return existing[0].active_schema;
  const schema = await newCopySchema(db, definition);
  await createCopy(db, definition, schema);
  await pointReportingViews(db, definition, schema);
  await db.query(
    `INSERT INTO projections.checkpoints (projection, version, active_schema, commit_position, prepare_position, events_applied)
     VALUES ($1, $2, $3, -1, -1, 0)
     ON CONFLICT (projection) DO UPDATE SET version = EXCLUDED.version, active_schema = EXCLUDED.active_schema,
       commit_position = -1, prepare_position = -1, events_applied = 0`,
    [definition.name, definition.version, schema],
  );
  return schema;
}

export async function dropCopy(db: Queryable, schema: string): Promise<void> {
  assertSchemaName(schema);
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/** Schema names are interpolated into SQL: only ones this module makes are accepted. */
export function assertSchemaName(schema: string): void {
  if (!/^rm_[a-z0-9_]{1,50}$/.test(schema)) throw new Error(`not a read-model copy schema: ${schema}`);
}
