/** `npm run user -- add ...`: see ./user-command.ts. Opens the service's database (DATABASE_URL or the embedded one). */
import { AccountError, Users } from '@libs/accounts';
import { openScriptRuntime } from '../projections/open-store';
import { parseUserCommand, runUserCommand, UsageError } from './user-command';

async function main(): Promise<void> {
  const command = parseUserCommand(process.argv.slice(2));
  const runtime = await openScriptRuntime();
  try {
    await runUserCommand(command, new Users(runtime.dataSource), (line) => console.log(line));
  } finally {
    await runtime.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof AccountError;
  // The embedded PostgreSQL rejects with nothing when another process (a running service) holds DATA_DIR.
  const message =
    error === undefined
      ? 'the database could not be opened (a running service holds DATA_DIR? point DATABASE_URL at its PostgreSQL)'
      : ((error as Error)?.message ?? String(error));
  console.error(`user: ${known ? (error as Error).message : message}`);
  process.exit(known ? 2 : 1);
});
