/**
 * The life of a service process: read the settings (a missing or malformed one stops the process naming
 * it), open the runtime, start what the app composes over it, and stop it all, last started first, on
 * SIGINT or SIGTERM. Each app's main.ts names only the parts it runs.
 */
import { Logger } from '@nestjs/common';
import { Config, ConfigError, loadConfig } from '@libs/config';
import { DatabaseSchema } from '@libs/database/data-source';
import { describeError } from '@libs/errors/describe-error';
import { colourLogsOnlyOnATerminal } from '@libs/observability/console-logs';
import { startTracing } from '@libs/observability/tracing';
import { openRuntime, Runtime } from './runtime';

export interface Stoppable {
  stop(): Promise<void>;
}

export interface ServiceDefinition {
  /** For messages: "family-ledger", "family-ledger projector". */
  name: string;
  /** Migrations and entities: projections/index.ts `databaseSchema` (libs do not import projections). */
  schema: DatabaseSchema;
  /** Further settings to check before anything starts (they throw ConfigError). */
  checkSettings?: () => void;
  /** Starts the parts over the runtime; they are stopped in reverse order. */
  compose(runtime: Runtime): Promise<Stoppable[]>;
}

export function runService(service: ServiceDefinition): void {
  start(service).catch((error: unknown) => {
    console.error(`${service.name} failed to start: ${describeError(error)}`);
    process.exit(1);
  });
}

async function start(service: ServiceDefinition): Promise<void> {
  colourLogsOnlyOnATerminal();
  const logger = new Logger('family-ledger');
  // Listening from the start: a signal that comes before any listener kills the process outright, with no
  // shutdown (a test saw that with a SIGINT sent as soon as the 'listening' line appeared).
  const running: { parts: Stoppable[]; runtime?: Runtime } = { parts: [] };
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // console, not the Nest logger: the API app keeps only its warnings and errors once created.
    console.log(`${signal} received: shutting down ${service.name}`);
    for (const part of [...running.parts].reverse()) await part.stop();
    await running.runtime?.close();
    console.log(`${service.name} stopped`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const config = settingsOrExit(service);
  const tracing = startTracing({ otlpEndpoint: config.tracing.otlpEndpoint, serviceName: config.tracing.serviceName ?? service.name });
  if (config.tracing.otlpEndpoint) logger.log(`traces: exported to ${config.tracing.otlpEndpoint}`);
  const runtime = (running.runtime = await openRuntime(config, { schema: service.schema }));
  running.parts.push({ stop: () => tracing.shutdown() });
  logger.log(`database: ${runtime.databaseDescription}`);
  running.parts.push(...(await service.compose(runtime)));
}

function settingsOrExit(service: ServiceDefinition): Config {
  try {
    const config = loadConfig();
    service.checkSettings?.();
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
