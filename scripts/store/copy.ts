/**
 * npm run store:copy -- --from postgres --to esdb   (and back; see args.ts for the URL flags)
 * Copies the whole log; Ctrl-C stops after the current append, and running it again resumes.
 */
import { parseStoreArgs } from './args';
import { copyLog, ReplayClock, resumePoint } from './copy-log';
import { logProgress } from './progress';
import { analyzeTarget, describeEndpoint, openStore, prepareTarget } from './stores';
import { describeError } from '../../libs/errors/describe-error';

async function main(): Promise<void> {
  const args = parseStoreArgs(process.argv.slice(2), process.env);
  await prepareTarget(args.to);
  const source = openStore(args.from);
  const clock = new ReplayClock();
  const target = { store: openStore(args.to, clock), clock };
  const stop = new AbortController();
  process.once('SIGINT', () => {
    stop.abort();
    process.stderr.write('\nstopping after the current append; run the same command again to resume\n');
  });
  try {
    console.log(`copying ${describeEndpoint(args.from)} -> ${describeEndpoint(args.to)}`);
    const resume = await resumePoint(source, target.store);
    const [first] = resume === 'start' ? await source.readAll({ maxCount: 1 }) : [];
    const origin = resume === 'start' ? first && { commit: first.position.commit - 1n, prepare: first.position.prepare } : resume;
    if (resume !== 'start') console.log('the target already holds part of the log: resuming after its last event');
    const progress = logProgress('copy', origin, await source.headPosition());
    const result = await copyLog(source, target, { signal: stop.signal, onProgress: (p) => progress.update(p.copied, p.position) });
    progress.stop();
    await analyzeTarget(args.to);
    console.log(
      result.completed
        ? `copied ${result.copied} events: the target holds the whole source log (run store:verify to compare)`
        : `stopped after ${result.copied} events: run the same command again to resume`,
    );
    if (!result.completed) process.exitCode = 130;
  } finally {
    await Promise.allSettled([source.close(), target.store.close()]);
  }
}

main().catch((error: unknown) => {
  console.error(`store:copy failed: ${describeError(error)}`);
  process.exitCode = 1;
});
