/** The relay's settings, checked at start-up: a malformed one stops the process naming it. */
import { readEnv } from '@libs/config';
import { DEFAULT_STREAM } from './nats-relay';

export interface RelayConfig {
  natsUrl: string;
  relayName: string;
  streamName: string;
}

type Env = Record<string, string | undefined>;

export function loadRelayConfig(env: Env = process.env): RelayConfig {
  const settings = readEnv(env);
  return {
    natsUrl: settings.NATS_URL ?? 'nats://127.0.0.1:4222',
    relayName: settings.RELAY_NAME ?? 'nats',
    streamName: settings.RELAY_STREAM ?? DEFAULT_STREAM,
  };
}
