/**
 * The service's runtime for the projection scripts: DATABASE_URL or the embedded PostgreSQL under DATA_DIR,
 * migrated, with the same event store the projector reads through.
 */
import { DataSource } from 'typeorm';
import { loadConfig } from '@libs/config';
import { EventStore } from '@libs/event-store';
import { databaseSchema } from '@projections/index';
import { openRuntime } from '@libs/runtime';

export interface ScriptRuntime {
  dataSource: DataSource;
  store: EventStore;
  close(): Promise<void>;
}

export async function openScriptRuntime(): Promise<ScriptRuntime> {
  const runtime = await openRuntime(loadConfig(), { schema: databaseSchema });
  return { dataSource: runtime.dataSource, store: runtime.eventStore, close: () => runtime.close() };
}
