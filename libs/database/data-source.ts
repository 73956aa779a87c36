import { DataSource, DataSourceOptions } from 'typeorm';
import { libMigrations } from './migrations';

/**
 * What a database holds besides what the libs bring: the read models' migrations and entities (from
 * projections/index.ts `databaseSchema`). Libs do not import projections, so the caller passes them;
 * a lib's own test passes `libSchema` (its database is copied from a template that has run them all).
 */
export interface DatabaseSchema {
  /** Every migration to run, the libs' own included (TypeORM runs them in timestamp order). */
  migrations: NonNullable<DataSourceOptions['migrations']>;
  entities: NonNullable<DataSourceOptions['entities']>;
}

/** The libs' own schema only. */
export const libSchema: DatabaseSchema = { migrations: libMigrations, entities: [] };

export function dataSourceOptions(url: string, schema: DatabaseSchema): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    // A keyed (idempotent) request holds a connection while its command takes more: room for both, and a
    // timeout that fails the request rather than waiting for ever if the pool runs dry.
    extra: { max: 40, connectionTimeoutMillis: 10_000 },
  };
}

/** Opens a TypeORM data source and brings the schema up to date. */
export async function openDatabase(url: string, schema: DatabaseSchema): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, schema));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/** A replica: read only, so no migrations (the primary's arrive with its WAL). */
export async function openReplica(url: string, schema: DatabaseSchema): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, schema));
  await dataSource.initialize();
  return dataSource;
}

export async function runMigrations(url: string, schema: DatabaseSchema): Promise<void> {
  const dataSource = await openDatabase(url, schema);
  await dataSource.destroy();
}
