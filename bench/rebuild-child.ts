/**
 * The rebuild of bench/rebuild.ts in a process of its own, as the projector would run it: the benchmark's
 * parent has loaded the log and holds its heap, which would otherwise count in the rebuild's peak RSS.
 * Forked by `rebuildInChild`; answers with its figures over the IPC channel.
 */
import { fork } from 'node:child_process';
import { extname, join } from 'node:path';
import { openDatabase } from '../libs/database/data-source';
import { PostgresEventStore } from '../libs/event-store/postgres/postgres-event-store';
import { UpcastingEventStore } from '../libs/event-store/upcasting-event-store';
import { databaseSchema, indicatorProjections } from '../projections/index';
import { REBUILD_HEAP_FLAG } from '../libs/projection/rebuild-heap';
import { benchRebuild, RebuildFigures } from './rebuild';

interface Request {
  url: string;
  batchSize: number;
  /** The write-behind window (libs/projection/rebuild-behind.ts); its default unless given. */
  flushRows?: number;
  expectedEvents: number;
}

export function rebuildInChild(request: Request): Promise<RebuildFigures> {
  const typescript = extname(__filename) === '.ts';
  const execArgv = typescript ? ['-r', join(__dirname, '../scripts/projections/register.js')] : [];
  execArgv.push(REBUILD_HEAP_FLAG); // as `npm run projections:rebuild` runs it (a later BENCH_NODE_FLAGS cap wins)
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the rebuilding process (what its CPU seconds are spent on);
  // BENCH_NODE_FLAGS: more of node's flags for it, e.g. "--trace-gc" (which NODE_OPTIONS refuses).
  if (process.env.BENCH_SEMI_SPACE_MB) execArgv.push(`--max-semi-space-size=${process.env.BENCH_SEMI_SPACE_MB}`);
  if (process.env.BENCH_NODE_FLAGS) execArgv.push(...process.env.BENCH_NODE_FLAGS.split(' '));
  if (process.env.BENCH_CPU_PROF) execArgv.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`);
  const child = fork(join(__dirname, `rebuild-child${extname(__filename)}`), [JSON.stringify(request)], { execArgv, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { figures?: RebuildFigures; error?: string }) =>
      message.figures ? resolve(message.figures) : reject(new Error(message.error)),
    );
    child.once('exit', (code) => reject(new Error(`rebuild process exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]) as Request;
  const dataSource = await openDatabase(request.url, databaseSchema);
  // Read as the projector reads (upcast), the baseline too: both pay for it.
  const store = new UpcastingEventStore(new PostgresEventStore({ connectionString: request.url, poolSize: 8 }));
  try {
    const figures = await benchRebuild(dataSource, store, indicatorProjections, request);
    process.send!({ figures });
  } catch (error) {
    process.send!({ error: String((error as Error)?.stack ?? error) });
  } finally {
    await store.close();
    await dataSource.destroy();
  }
}

if (require.main === module) void main();
