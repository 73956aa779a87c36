/**
 * `npm run projections:rebuild -- <name> [--batch-size 1000]`: replays the whole log into a fresh copy of
 * one read model while the active copy keeps answering (and a running projector keeps it current), then
 * swaps. Shows a progress bar with events/s and ETA. `--all` rebuilds every projection in turn.
 */
import { Bar, Presets } from 'cli-progress';
import { projections } from '@projections/index';
import { rebuildProjection } from '@libs/projection/rebuild';
import { openScriptRuntime, ScriptRuntime } from './open-store';
import { describeError } from '@libs/errors/describe-error';

function parseArgs(argv: string[]): { names: string[]; batchSize: number } {
  const batchIndex = argv.indexOf('--batch-size');
  const batchSize = batchIndex >= 0 ? Number(argv[batchIndex + 1]) : 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new Error('--batch-size must be an integer from 1 to 100000');
  const names = argv.filter((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--batch-size');
  if (argv.includes('--all')) return { names: projections.map((p) => p.name), batchSize };
  if (names.length === 0) throw new Error(`name a projection to rebuild (or --all): ${projections.map((p) => p.name).join(', ')}`);
  const unknown = names.find((name) => !projections.some((p) => p.name === name));
  if (unknown) throw new Error(`unknown projection "${unknown}"; known: ${projections.map((p) => p.name).join(', ')}`);
  return { names, batchSize };
}

async function countHandled(runtime: ScriptRuntime, types: readonly string[]): Promise<number> {
  const [{ count }] = await runtime.dataSource.query(`SELECT count(*)::bigint AS count FROM event_store.events WHERE event_type = ANY($1::text[])`, [types]);
  return Number(count);
}

async function main(): Promise<void> {
  const { names, batchSize } = parseArgs(process.argv.slice(2));
  const runtime = await openScriptRuntime();
  try {
    for (const name of names) {
      const projection = projections.find((p) => p.name === name)!;
      const total = await countHandled(runtime, projection.handles);
      const bar = new Bar({ format: `${name} [{bar}] {percentage}% | {value}/{total} events | {speed} events/s | ETA {eta_formatted}`, etaBuffer: 50 }, Presets.shades_classic);
      const started = Date.now();
      bar.start(total, 0, { speed: 0 });
      const result = await rebuildProjection(projection, runtime.store, runtime.dataSource, {
        batchSize,
        onProgress: (applied) => bar.update(Math.min(applied, total), { speed: Math.round(applied / Math.max(0.001, (Date.now() - started) / 1000)) }),
      });
      bar.update(Math.min(result.eventsApplied, Math.max(total, result.eventsApplied)));
      bar.stop();
      console.log(`${name}: ${result.eventsApplied} events into ${result.schema} in ${((Date.now() - started) / 1000).toFixed(1)} s; swapped`);
    }
  } finally {
    await runtime.close();
  }
}

main().catch((error: unknown) => {
  console.error(`projections:rebuild failed: ${describeError(error)}`);
  process.exit(1);
});
