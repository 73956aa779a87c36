/**
 * Starts the service: the HTTP API and the projector in one process by default, or either alone.
 * Without DATABASE_URL it runs on an embedded PostgreSQL kept under DATA_DIR (./.data).
 */
import { Logger } from '@nestjs/common';
import { ensureFirstAdmin, Users } from '@libs/accounts';
import { ConfigError, loadConfig } from '@libs/config';
import { projections } from '@projections/index';
import { Projector } from '@apps/projector/src/projector';
import { startRelay } from '@apps/relay/src/relay-service';
import { openRuntime } from './bootstrap/runtime';
import { createApiApp } from './create-app';

export interface ServiceParts {
  api: boolean;
  projector: boolean;
  /** The NATS JetStream relay (off unless asked for: it needs a NATS server). */
  relay?: boolean;
}

export async function startService(parts: ServiceParts): Promise<void> {
  const logger = new Logger('family-ledger');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const runtime = await openRuntime(config);
  logger.log(`database: ${runtime.databaseSource === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}/postgres` : 'DATABASE_URL'}`);

  const projector = parts.projector
    ? new Projector(projections, runtime.eventStore, runtime.dataSource, config.projector)
    : undefined;
  projector?.start();
  if (projector) logger.log(`projector: running ${projections.length} projection(s)`);

  const relay = parts.relay ? startRelay(runtime) : undefined;

  // The API's process makes the first administrator (printed once), as the embedded key's token is printed.
  if (parts.api) await ensureFirstAdmin(new Users(runtime.dataSource), config.dataDir);
  const app = parts.api ? await createApiApp(runtime) : undefined;
  if (app) {
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address() as { port: number };
    console.log(`family-ledger API listening on http://${config.host}:${address.port}`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping`);
    await app?.close();
    await projector?.stop();
    await relay?.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
