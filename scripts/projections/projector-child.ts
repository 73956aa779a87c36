/**
 * A projector process with nothing else in it (no Nest, no HTTP), for the crash test: runs the projections
 * named in PROJECTIONS (all by default) against DATABASE_URL until it is killed. Prints `ready` once started.
 */
import { openDatabase } from '@libs/database/data-source';
import { PostgresEventStore } from '@libs/event-store/postgres/postgres-event-store';
import { UpcastingEventStore } from '@libs/event-store/upcasting-event-store';
import { ProjectionRunner } from '@libs/projection/projection-runner';
import { databaseSchema, projections } from '@projections/index';
import { describeError } from '@libs/errors/describe-error';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const names = process.env.PROJECTIONS?.split(',');
  const batchSize = Number(process.env.PROJECTOR_BATCH_SIZE ?? 500);
  const dataSource = await openDatabase(url, databaseSchema);
  // Read as the service's projector reads: upcast.
  const store = new UpcastingEventStore(new PostgresEventStore({ connectionString: url, pollIntervalMs: 50 }));
  const runners = projections
    .filter((p) => !names || names.includes(p.name))
    .map(
      (p) =>
        new ProjectionRunner(p, store, dataSource, {
          batchSize,
          standbyPollMs: 50,
          onError: (e) => console.error(`${p.name}: ${(e as Error).message}`),
        }),
    );
  for (const runner of runners) runner.start();
  console.log('ready');
  process.on('SIGTERM', () => {
    void Promise.all(runners.map((r) => r.stop())).then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(`projector child failed: ${describeError(error)}`);
  process.exit(1);
});
