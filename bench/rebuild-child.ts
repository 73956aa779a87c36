/**
 * The rebuild of bench/rebuild.ts in a process of its own, as the projector would run it: the benchmark's
 * parent has loaded the log and holds its heap, which would otherwise count in the rebuild's peak RSS.
 * Forked by `rebuildInChild`; answers with its figures over the IPC channel.
 */
import { join } from 'node:path';
import { openDatabase } from '../libs/database/data-source';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { UpcastingEventStore } from '../libs/event-store/upcasting-event-store';
import { databaseSchema, indicatorProjections } from '../projections/index';
import { REBUILD_HEAP_FLAG } from '../libs/projection/rebuild-heap';
import { benchRebuild, RebuildFigures } from './rebuild';
import { answerParent, runInChild } from './support/child-process';

interface Request {
  url: string;
  batchSize: number;
  /** The write-behind window (libs/projection/rebuild-behind.ts); its default unless given. */
  flushRows?: number;
  expectedEvents: number;
}

export function rebuildInChild(request: Request): Promise<RebuildFigures> {
  const flags = [REBUILD_HEAP_FLAG]; // as `npm run projections:rebuild` runs it (a later BENCH_NODE_FLAGS cap wins)
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the rebuilding process (what its CPU seconds are spent on);
  // BENCH_NODE_FLAGS: more of node's flags for it, e.g. "--trace-gc" (which NODE_OPTIONS refuses).
  if (process.env.BENCH_SEMI_SPACE_MB) flags.push(`--max-semi-space-size=${process.env.BENCH_SEMI_SPACE_MB}`);
  if (process.env.BENCH_NODE_FLAGS) flags.push(...process.env.BENCH_NODE_FLAGS.split(' '));
  if (process.env.BENCH_CPU_PROF) flags.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`);
  return runInChild<RebuildFigures>(join(__dirname, 'rebuild-child'), request, flags);
}

async function rebuild(request: Request): Promise<RebuildFigures> {
  const dataSource = await openDatabase(request.url, databaseSchema);
  // Read as the projector reads (upcast), the baseline too: both pay for it.
  const store = new UpcastingEventStore(new PostgresEventStore({ connectionString: request.url, poolSize: 8 }));
  try {
    return await benchRebuild(dataSource, store, indicatorProjections, request);
  } finally {
    await store.close();
    await dataSource.destroy();
  }
}

if (require.main === module) void answerParent(rebuild);
