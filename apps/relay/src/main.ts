/** `npm run start:relay`: the NATS JetStream relay of the log alone. */
import 'reflect-metadata';
import { migrations } from '@libs/database/migrations';
import { loadRelayConfig, startRelay } from '@libs/relay';
import { runService } from '@libs/runtime';

runService({
  name: 'family-ledger relay',
  migrations,
  checkSettings: () => void loadRelayConfig(),
  compose: async (runtime) => [startRelay(runtime, loadRelayConfig())],
});
