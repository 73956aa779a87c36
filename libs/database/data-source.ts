import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';
import { entities } from './entities';

/** The migrations a database is brought up to date with; the caller may name its own list. */
export type MigrationList = NonNullable<DataSourceOptions['migrations']>;

export function dataSourceOptions(url: string, migrationList: MigrationList = migrations): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: migrationList,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    // A keyed (idempotent) request holds a connection while its command takes more: room for both, and a
    // timeout that fails the request rather than waiting for ever if the pool runs dry.
    extra: { max: 40, connectionTimeoutMillis: 10_000 },
  };
}

/** Opens a TypeORM data source and brings the schema up to date. */
export async function openDatabase(url: string, migrationList?: MigrationList): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url, migrationList));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

export async function runMigrations(url: string): Promise<void> {
  const dataSource = await openDatabase(url);
  await dataSource.destroy();
}
