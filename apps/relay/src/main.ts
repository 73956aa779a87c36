import 'reflect-metadata';
import { ConfigError, loadConfig } from '@libs/config';
import { openRuntime } from '@apps/api/src/bootstrap/runtime';
import { loadRelayConfig } from './relay-config';
import { startRelay } from './relay-service';
import { describeError } from '@libs/errors/describe-error';
import { colourLogsOnlyOnATerminal } from '@libs/observability/console-logs';

async function main(): Promise<void> {
  colourLogsOnlyOnATerminal();
  let config;
  let relayConfig;
  try {
    config = loadConfig();
    relayConfig = loadRelayConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const runtime = await openRuntime(config);
  const relay = startRelay(runtime, relayConfig);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: shutting down the relay`);
    await relay.stop();
    await runtime.close();
    console.log('family-ledger relay stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`family-ledger relay failed to start: ${describeError(error)}`);
  process.exit(1);
});
