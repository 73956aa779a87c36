import 'reflect-metadata';
import { startService } from './service';
import { describeError } from '@libs/errors/describe-error';

// `npm start` runs API and projector together (`npm run start:api` sets FAMILY_LEDGER_PROJECTOR=off);
// FAMILY_LEDGER_RELAY=on adds the NATS relay.
const projector = (process.env.FAMILY_LEDGER_PROJECTOR ?? 'on') !== 'off';
const relay = process.env.FAMILY_LEDGER_RELAY === 'on';
startService({ api: true, projector, relay }).catch((error: unknown) => {
  console.error(`family-ledger failed to start: ${describeError(error)}`);
  process.exit(1);
});
