/** The database and event store the projection scripts work on: DATABASE_URL, or the embedded one under DATA_DIR. */
import { DataSource } from 'typeorm';
import { loadConfig } from '@libs/config';
import { openDatabase } from '@libs/database/data-source';
import { PostgresEventStore } from '@libs/event-store/postgres/postgres-event-store';

export interface ScriptRuntime {
  dataSource: DataSource;
  store: PostgresEventStore;
  close(): Promise<void>;
}

export async function openScriptRuntime(): Promise<ScriptRuntime> {
  const config = loadConfig();
  let url = config.databaseUrl;
  let stopServer: (() => Promise<void>) | undefined;
  if (!url) {
    const { startEmbeddedPostgres } = await import('@libs/database/embedded-postgres');
    const server = await startEmbeddedPostgres({ dataDir: `${config.dataDir}/postgres`, persistent: true });
    stopServer = () => server.stop();
    const admin = new URL(server.adminUrl);
    admin.pathname = '/family_ledger';
    url = admin.toString();
  }
  const dataSource = await openDatabase(url);
  const store = new PostgresEventStore({ connectionString: url, pollIntervalMs: 200 });
  return {
    dataSource, store,
    async close() {
      await store.close();
      await dataSource.destroy();
      await stopServer?.();
    },
  };
}
