/** `npm run start:relay`: the NATS JetStream relay of the log alone. */
import 'reflect-metadata';
import { databaseSchema } from '@projections/index';
import { loadRelayConfig, startRelay } from '@libs/relay';
import { runService } from '@libs/runtime';

runService({
  name: 'family-ledger relay',
  schema: databaseSchema,
  checkSettings: () => void loadRelayConfig(),
  compose: async (runtime) => [startRelay(runtime, loadRelayConfig())],
});
