/**
 * The real service for browser journeys: a test app with its projector on a fresh database, listening on
 * a free port of 127.0.0.1 and serving the built web app (built here first when apps/web changed).
 */
import { AddressInfo } from 'node:net';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { startTestApp, TestApp } from '../../support/test-app';
import { serveBuiltApp } from './static-fallback';

const { buildWeb } = require('../../../scripts/web/build-web.js') as { buildWeb(options: { quiet?: boolean }): boolean };

export interface WebService {
  app: TestApp;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Builds dist/web when apps/web changed, one test worker at a time (Vite empties its output first, so two
 * building at once would race): a lock directory, made atomically, taken in turn; the next finds it built.
 */
async function buildWebOnce(): Promise<void> {
  const lock = join(__dirname, '..', '..', '..', 'dist', '.web-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after five minutes.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 300_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    buildWeb({ quiet: true });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** `env` overrides settings of the service (PROGRAMME_TIME_ZONE, for one). */
export async function startWebService(env?: Record<string, string>): Promise<WebService> {
  await buildWebOnce();
  const app = await startTestApp({ projector: true, env });
  const page = await request(app.http).get('/app/').set('Accept', 'text/html').set('X-Test-Anonymous', '1');
  if (!(page.status === 200 && /text\/html/.test(page.headers['content-type'] ?? '')))
    serveBuiltApp(app.http, join(__dirname, '..', '..', '..', 'dist', 'web'));
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const { port } = app.http.address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export interface WebUser {
  username: string;
  password: string;
  roles: string[];
  ou: string;
  department?: string;
  displayName?: string;
}

/** Creates a sign-in account through the admin API (the test app's default admin token). */
export async function createUser(app: TestApp, user: WebUser): Promise<WebUser> {
  const answer = await request(app.http).post('/admin/users').send(user);
  if (answer.status !== 201) throw new Error(`POST /admin/users answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return user;
}
