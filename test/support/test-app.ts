/**
 * A running service for end-to-end tests: a fresh database of its own, the Nest API over HTTP, and
 * optionally the projector in the same process.
 */
import { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@libs/config';
import { createTestDatabase, TestDatabase } from '@libs/testing/test-database';
import { eventually } from '@libs/testing/eventually';
import { projections } from '@projections/index';
import { appendedHead, caughtUp } from '@projections/shared/testing/harness';
import { Projector } from '@libs/projection/projector';
import { databaseSchema } from '@projections/index';
import { systemClock } from '@libs/clock';
import { openRuntime, Runtime } from '@libs/runtime';
import { createApiApp } from '@apps/api/src/create-app';
import { EventStore } from '@libs/event-store';
import { UpcastingEventStore } from '@libs/event-store/upcasting-event-store';
import { ValidatedEventStore } from '@libs/event-schemas';
import { authenticateByDefault, testSecurityEnv, TestTokens, testTokens } from './test-auth';

export interface TestApp {
  app: NestExpressApplication;
  http: NestExpressApplication['getHttpServer'] extends () => infer S ? S : never;
  runtime: Runtime;
  database: TestDatabase;
  projector?: Projector;
  /** Signs test tokens with the app's trusted key: `await app.token('analyst', { ou: '640104' })`. */
  token: TestTokens;
  /** Stops everything; the database is dropped unless `keepDatabase` (to start another app on it). */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface TestAppOptions {
  projector?: boolean;
  env?: Record<string, string>;
  /** Start on an existing database (a restart) instead of a fresh one. */
  database?: TestDatabase;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  // Requests through `http` carry an admin token unless they set Authorization (see ./test-auth.ts).
  const env = { ...testSecurityEnv(database), ...options.env, DATABASE_URL: database.url };
  const runtime = await openRuntime(loadConfig(env), { clock: systemClock, env, schema: databaseSchema });
  const app = await createApiApp(runtime);
  await authenticateByDefault(app.getHttpServer());
  const projector = options.projector
    ? new Projector(projections, runtime.eventStore, runtime.dataSource, { standbyPollMs: 100 })
    : undefined;
  projector?.start();
  return {
    app,
    http: app.getHttpServer(),
    runtime,
    database,
    projector,
    token: testTokens,
    async close(closeOptions = {}) {
      await app.close();
      await projector?.stop();
      await runtime.close();
      if (!closeOptions.keepDatabase) await database.drop();
    },
  };
}

/** Number of events in the whole global log: a rejected request must leave it unchanged. */
export async function logLength(app: TestApp): Promise<number> {
  const [{ count }] = await app.runtime.dataSource.query(`SELECT count(*)::int AS count FROM event_store.events`);
  return count;
}

export { eventually };

/**
 * Waits until the named read models (every one by default) have applied all that was appended before the call.
 * Not the admin API's lag: that is measured below the store's visibility limit, which errs low for a moment
 * while another database's transaction ends, so a read model could be called caught up one commit early.
 */
export async function projectionsCaughtUp(app: Pick<TestApp, 'runtime'>, names?: string[], timeoutMs = 30_000): Promise<void> {
  const { dataSource } = app.runtime;
  const head = await appendedHead(dataSource);
  const awaited = projections.filter((projection) => !names || names.includes(projection.name));
  if (names && awaited.length !== names.length) throw new Error(`no such read model among ${names.join(', ')}`);
  if (!head) return;
  await eventually(async () => {
    const behind: string[] = [];
    for (const projection of awaited) if (!(await caughtUp(dataSource, projection, head))) behind.push(projection.name);
    if (behind.length > 0) throw new Error(`projections behind: ${behind.join(', ')}`);
  }, timeoutMs);
}

/**
 * The service's store without its schema check: for specs of delivery (feed, consumer groups) whose
 * fixtures are free-form events of real type names. Everything else (encryption, the real log) is as served.
 */
export function storeWithoutSchemaCheck(app: Pick<TestApp, 'runtime'>): EventStore {
  // Appends pass through the upcasting layer untouched: below it is the schema check, below that the rest.
  const upcasting = app.runtime.eventStore;
  const store = upcasting instanceof UpcastingEventStore ? upcasting.inner : upcasting;
  return store instanceof ValidatedEventStore ? store.inner : store;
}
