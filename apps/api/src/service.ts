/**
 * Starts the service: the HTTP API and the projector in one process by default, or either alone.
 * Without DATABASE_URL it runs on an embedded PostgreSQL kept under DATA_DIR (./.data).
 */
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@libs/config';
import { projections } from '@projections/index';
import { Projector } from '@apps/projector/src/projector';
import { startRelay } from '@apps/relay/src/relay-service';
import { openRuntime } from './bootstrap/runtime';
import { createApiApp } from './create-app';
import { colourLogsOnlyOnATerminal } from '@libs/observability/console-logs';

export interface ServiceParts {
  api: boolean;
  projector: boolean;
  /** The NATS JetStream relay (off unless asked for: it needs a NATS server). */
  relay?: boolean;
}

export async function startService(parts: ServiceParts): Promise<void> {
  colourLogsOnlyOnATerminal();
  const logger = new Logger('family-ledger');
  // Listening from the start: a signal that comes before any listener kills the process outright, with no
  // shutdown (a test saw that with a SIGINT sent as soon as the 'listening' line appeared).
  const running: { app?: Awaited<ReturnType<typeof createApiApp>>; projector?: Projector; relay?: { stop(): Promise<void> }; runtime?: Awaited<ReturnType<typeof openRuntime>> } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // console, not the Nest logger: the API app keeps only its warnings and errors once created.
    console.log(`${signal} received: shutting down (HTTP, projector, database)`);
    await running.app?.close();
    await running.projector?.stop();
    await running.relay?.stop();
    await running.runtime?.close();
    console.log('family-ledger stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
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
  const runtime = (running.runtime = await openRuntime(config));
  logger.log(`database: ${runtime.databaseDescription}`);

  const projector = parts.projector
    ? new Projector(projections, runtime.eventStore, runtime.dataSource, config.projector)
    : undefined;
  running.projector = projector;
  projector?.start();
  if (projector) logger.log(`projector: running ${projections.length} projection(s)`);

  running.relay = parts.relay ? startRelay(runtime) : undefined;

  const app = (running.app = parts.api ? await createApiApp(runtime) : undefined);
  if (app) {
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address() as { port: number };
    console.log(`family-ledger API listening on http://${config.host}:${address.port}`);
  }
}
