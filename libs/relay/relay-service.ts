/**
 * Runs the NATS relay over the store and database of an open runtime: alone (`npm run start:relay`), or
 * beside the API and projector in one process (`npm start` with FAMILY_LEDGER_RELAY=on).
 */
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@libs/event-store';
import { NatsRelay } from './nats-relay';
import { loadRelayConfig, RelayConfig } from './relay-config';

export function startRelay(ports: { eventStore: EventStore; dataSource: DataSource }, config: RelayConfig = loadRelayConfig()): NatsRelay {
  const logger = new Logger('relay');
  let lastReported = 0;
  const relay = new NatsRelay(ports.eventStore, ports.dataSource, {
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
