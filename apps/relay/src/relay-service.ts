/**
 * Runs the NATS relay over an open runtime: alone (`npm run start:relay`), or beside the API and projector
 * in one process (call `startRelay(runtime)` from the service when the relay is switched on).
 */
import { Logger } from '@nestjs/common';
import { NatsRelay } from '@libs/relay';
import { Runtime } from '@apps/api/src/bootstrap/runtime';
import { loadRelayConfig, RelayConfig } from './relay-config';

export function startRelay(runtime: Runtime, config: RelayConfig = loadRelayConfig()): NatsRelay {
  const logger = new Logger('relay');
  let lastReported = 0;
  const relay = new NatsRelay(runtime.eventStore, runtime.dataSource, {
    servers: config.natsUrl,
    relayName: config.relayName,
    streamName: config.streamName,
    // Outages produce an error per retry: report the kind, at most every few seconds.
    onError: (error) => {
      if (Date.now() - lastReported < 5000) return;
      lastReported = Date.now();
      logger.warn(`NATS relay retrying: ${(error as { code?: string; name?: string })?.code ?? (error as Error)?.name ?? 'error'}`);
    },
  });
  relay.start();
  logger.log(`relaying the log to ${new URL(config.natsUrl).host}, JetStream stream ${config.streamName}`);
  return relay;
}
