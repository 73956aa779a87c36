import 'reflect-metadata';
import { startService } from '@apps/api/src/service';

startService({ api: false, projector: true }).catch((error: unknown) => {
  console.error(`family-ledger projector failed to start: ${(error as Error)?.message ?? error}`);
  process.exit(1);
});
