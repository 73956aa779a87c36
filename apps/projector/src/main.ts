import 'reflect-metadata';
import { startService } from '@apps/api/src/service';
import { describeError } from '@libs/errors/describe-error';

startService({ api: false, projector: true }).catch((error: unknown) => {
  console.error(`family-ledger projector failed to start: ${describeError(error)}`);
  process.exit(1);
});
