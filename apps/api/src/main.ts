/**
 * `npm start`: the HTTP API and the projector in one process (`npm run start:api` sets
 * FAMILY_LEDGER_PROJECTOR=off); FAMILY_LEDGER_RELAY=on adds the NATS relay. Without DATABASE_URL it runs
 * on an embedded PostgreSQL kept under DATA_DIR (./.data).
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ensureFirstAdmin, loadAccountsConfig, Users } from '@libs/accounts';
import { databaseSchema } from '@projections/index';
import { Projector } from '@libs/projection/projector';
import { loadRelayConfig, startRelay } from '@libs/relay';
import { runService, Runtime, Stoppable } from '@libs/runtime';
import { projections } from '@projections/index';
import { createApiApp } from './create-app';

// What `npm start` serves is production: the server's render of a page (http/web-app-render.ts) uses
// React's production build, as the browser's bundle does, unless NODE_ENV says otherwise.
process.env.NODE_ENV ??= 'production';

const withProjector = (process.env.FAMILY_LEDGER_PROJECTOR ?? 'on') !== 'off';
const withRelay = process.env.FAMILY_LEDGER_RELAY === 'on';

runService({
  name: 'family-ledger',
  schema: databaseSchema,
  checkSettings: () => {
    loadAccountsConfig();
    if (withRelay) loadRelayConfig();
  },
  compose: async (runtime) => {
    const parts: Stoppable[] = [];
    if (withProjector) {
      const projector = new Projector(projections, runtime.eventStore, runtime.dataSource, runtime.config.projector);
      projector.start();
      new Logger('family-ledger').log(`projector: running ${projections.length} projection(s)`);
      parts.push(projector);
    }
    if (withRelay) parts.push(startRelay(runtime));
    parts.push(await listen(runtime));
    return parts;
  },
});

async function listen(runtime: Runtime): Promise<Stoppable> {
  // The API's process makes the first administrator (printed once), as the embedded key's token is printed.
  await ensureFirstAdmin(new Users(runtime.dataSource), runtime.config.dataDir);
  const app = await createApiApp(runtime);
  const { host, port } = runtime.config;
  // An idle kept-alive socket is closed by the client before the server: at Node's 5 s default, a request
  // sent on a socket the server was closing at that moment failed ("other side closed"), as behind a proxy
  // that keeps its upstream sockets for 60 s. Closing leaves no wait: close() ends idle sockets at once.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(port, host);
  const address = server.address() as { port: number };
  console.log(`family-ledger API listening on http://${host}:${address.port}`);
  return { stop: () => app.close() };
}
