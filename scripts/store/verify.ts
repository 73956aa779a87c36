/**
 * npm run store:verify -- --from postgres --to esdb
 * Compares the two logs event by event; exits 1 at the first difference, naming the event and field.
 */
import { parseStoreArgs } from './args';
import { compareLogs, describeDifference } from './compare-logs';
import { logProgress } from './progress';
import { describeEndpoint, openStore } from './stores';
import { describeError } from '../../libs/errors/describe-error';

async function main(): Promise<void> {
  const args = parseStoreArgs(process.argv.slice(2), process.env);
  const first = openStore(args.from);
  const second = openStore(args.to);
  try {
    console.log(`comparing ${describeEndpoint(args.from)} with ${describeEndpoint(args.to)}`);
    const [start] = await first.readAll({ maxCount: 1 });
    const origin = start && { commit: start.position.commit - 1n, prepare: start.position.prepare };
    const progress = logProgress('verify', origin, await first.headPosition());
    const result = await compareLogs(first, second, { onProgress: (count, position) => progress.update(count, position) });
    progress.stop();
    if (result.difference) {
      console.error(`the logs differ after ${result.compared} matching events: ${describeDifference(result.difference)}`);
      process.exitCode = 1;
    } else {
      console.log(`the logs match: ${result.compared} events, identical ids, revisions, data, metadata and hashes`);
    }
  } finally {
    await Promise.allSettled([first.close(), second.close()]);
  }
}

main().catch((error: unknown) => {
  console.error(`store:verify failed: ${describeError(error)}`);
  process.exitCode = 2;
});
