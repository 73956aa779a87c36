/** The relay's settings, checked at start-up: a malformed one stops the process naming it. */
import { ConfigError } from '@libs/config';
import { DEFAULT_STREAM } from './nats-relay';

export interface RelayConfig {
  natsUrl: string;
  relayName: string;
  streamName: string;
}

type Env = Record<string, string | undefined>;

export function loadRelayConfig(env: Env = process.env): RelayConfig {
  const natsUrl = env.NATS_URL?.trim() || 'nats://127.0.0.1:4222';
  let protocol: string;
  try {
    protocol = new URL(natsUrl).protocol;
  } catch {
    throw new ConfigError('NATS_URL', 'is not a URL');
  }
  if (!['nats:', 'tls:'].includes(protocol)) throw new ConfigError('NATS_URL', 'must start with nats:// or tls://');
  const relayName = env.RELAY_NAME?.trim() || 'nats';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(relayName)) throw new ConfigError('RELAY_NAME', 'must be 1 to 64 letters, digits, ".", "_" or "-"');
  const streamName = env.RELAY_STREAM?.trim() || DEFAULT_STREAM;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(streamName)) throw new ConfigError('RELAY_STREAM', 'must be 1 to 64 letters, digits, "_" or "-"');
  return { natsUrl, relayName, streamName };
}
