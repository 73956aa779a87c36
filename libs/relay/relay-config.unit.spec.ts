import { ConfigError } from '@libs/config';
import { loadRelayConfig } from './relay-config';

describe('the relay configuration', () => {
  it('defaults to the local NATS and the FAMILY_LEDGER stream', () => {
    expect(loadRelayConfig({})).toEqual({ natsUrl: 'nats://127.0.0.1:4222', relayName: 'nats', streamName: 'FAMILY_LEDGER' });
  });

  it.each([
    [{ NATS_URL: 'http://x' }, 'NATS_URL'],
    [{ NATS_URL: 'not a url' }, 'NATS_URL'],
    [{ RELAY_NAME: 'a b' }, 'RELAY_NAME'],
    [{ RELAY_STREAM: 'a.b' }, 'RELAY_STREAM'],
  ])('refuses %j naming the setting', (env, setting) => {
    expect(() => loadRelayConfig(env)).toThrow(ConfigError);
    expect(() => loadRelayConfig(env)).toThrow(setting);
  });
});
