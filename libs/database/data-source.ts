import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations } from './migrations';
import { entities } from './entities';

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    // A keyed (idempotent) request holds a connection while its command takes more: room for both, and a
    // timeout that fails the request rather than waiting for ever if the pool runs dry.
    extra: { max: 40, connectionTimeoutMillis: 10_000 },
  };
}

/** Opens a TypeORM data source and brings the schema up to date. */
export async function openDatabase(url: string): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

export async function runMigrations(url: string): Promise<void> {
  const dataSource = await openDatabase(url);
  await dataSource.destroy();
}
