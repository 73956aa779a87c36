/**
 * `node dist/scripts/generate/project.js [--until-caught-up] [read-model ...]`: projects the log into the
 * read models the seed's figures are read from (seed-read-models.ts), or the ones named, against DATA_DIR's
 * embedded PostgreSQL (shared with a running generator) or DATABASE_URL. Run beside `npm run generate --
 * --mode bulk`, it projects live while the log is written, in a process (and on a core) of its own, so the
 * read models are current when the load ends instead of each being rebuilt afterwards by a scan of the
 * whole log. Prints each read model's progress every 10 s; stops on SIGINT or SIGTERM, or, with
 * --until-caught-up, once every one has applied everything the log holds.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../libs/config';
import { describeError } from '../../libs/errors/describe-error';
import { projectionLags } from '../../libs/projection/lag';
import { Projector } from '../../libs/projection/projector';
import { openRuntime } from '../../libs/runtime';
import { databaseSchema, projections } from '../../projections/index';
import { SEED_FIGURE_READ_MODELS } from './seed-read-models';

const REPORT_EVERY_MS = 10_000;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { 'until-caught-up': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const names: readonly string[] = positionals.length > 0 ? positionals : SEED_FIGURE_READ_MODELS;
  const unknown = names.find((name) => !projections.some((p) => p.name === name));
  if (unknown) throw new Error(`unknown read model "${unknown}"; known: ${projections.map((p) => p.name).join(', ')}`);
  const chosen = projections.filter((p) => names.includes(p.name));
  const runtime = await openRuntime(loadConfig(), { schema: databaseSchema });
  const projector = new Projector(chosen, runtime.eventStore, runtime.dataSource, runtime.config.projector);
  const started = Date.now();
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${why}: stopping after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await projector.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  projector.start();
  console.log(`projecting ${chosen.map((p) => p.name).join(', ')}`);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, REPORT_EVERY_MS));
    if (stopping) return;
    // A report that fails (a busy database) is skipped: the projector goes on, and so does this loop.
    const read = await Promise.all([
      projectionLags(chosen, runtime.eventStore, runtime.dataSource),
      runtime.dataSource.query(`SELECT projection, events_applied FROM projections.checkpoints WHERE projection = ANY($1::text[])`, [
        names,
      ]) as Promise<{ projection: string; events_applied: string }[]>,
    ]).catch((error: unknown) => console.log(`${new Date().toISOString()} no report: ${describeError(error)}`));
    if (!read) continue;
    const [lags, applied] = read;
    const count = (name: string) => applied.find((row) => row.projection === name)?.events_applied ?? '0';
    const line = lags.map(
      (lag) => `${lag.projection} ${count(lag.projection)} applied, ${lag.eventsBehind}${lag.eventsBehindAtLeast ? '+' : ''} behind`,
    );
    console.log(`${new Date().toISOString()} ${line.join('; ')}`);
    if (values['until-caught-up'] && lags.every((lag) => lag.eventsBehind === 0 && lag.checkpoint !== undefined)) await stop('caught up');
  }
}

main().catch((error: unknown) => {
  console.error(`project failed: ${describeError(error)}`);
  process.exit(1);
});
