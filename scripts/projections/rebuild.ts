/**
 * `npm run projections:rebuild -- <name> [--batch-size 1000]`: replays the whole log into a fresh copy of
 * one read model while the active copy keeps answering (and a running projector keeps it current), then
 * swaps. Shows a progress bar with events/s and ETA. `--all` (or several names) rebuilds them together from one
 * read of the log.
 */
import { parseArgs } from 'node:util';
import { projections } from '@projections/index';
import { progressBar } from '@libs/progress';
import { rebuildProjections } from '@libs/projection/rebuild';
import { underRebuildHeap } from '@libs/projection/rebuild-heap';
import { openScriptRuntime, ScriptRuntime } from './open-store';
import { describeError } from '@libs/errors/describe-error';

function rebuildArgs(argv: string[]): { names: string[]; batchSize: number } {
  const { values, positionals: names } = parseArgs({
    args: argv,
    options: { 'batch-size': { type: 'string', default: '1000' }, all: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000)
    throw new Error('--batch-size must be an integer from 1 to 100000');
  if (values.all) return { names: projections.map((p) => p.name), batchSize };
  if (names.length === 0) throw new Error(`name a projection to rebuild (or --all): ${projections.map((p) => p.name).join(', ')}`);
  const unknown = names.find((name) => !projections.some((p) => p.name === name));
  if (unknown) throw new Error(`unknown projection "${unknown}"; known: ${projections.map((p) => p.name).join(', ')}`);
  return { names, batchSize };
}

async function countHandled(runtime: ScriptRuntime, types: readonly string[]): Promise<number> {
  const [{ count }] = await runtime.dataSource.query(
    `SELECT count(*)::bigint AS count FROM event_store.events WHERE event_type = ANY($1::text[])`,
    [types],
  );
  return Number(count);
}

async function main(): Promise<void> {
  const { names, batchSize } = rebuildArgs(process.argv.slice(2));
  const runtime = await openScriptRuntime();
  try {
    // All of them from one read of the log (libs/projection/fan-out.ts), each swapped in when done.
    const chosen = names.map((name) => projections.find((p) => p.name === name)!);
    let total = 0;
    for (const projection of chosen) total += await countHandled(runtime, projection.handles);
    const bar = progressBar({ label: names.length === 1 ? names[0] : `${names.length} read models`, total });
    const started = Date.now();
    const results = await rebuildProjections(chosen, runtime.store, runtime.dataSource, {
      batchSize,
      onProgress: (applied) => bar.update(applied),
    });
    bar.update(results.reduce((sum, r) => sum + r.eventsApplied, 0));
    bar.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    for (const [i, result] of results.entries())
      console.log(`${names[i]}: ${result.eventsApplied} events into ${result.schema} in ${seconds} s; swapped`);
  } finally {
    await runtime.close();
  }
}

underRebuildHeap();
main().catch((error: unknown) => {
  console.error(`projections:rebuild failed: ${describeError(error)}`);
  process.exit(1);
});
