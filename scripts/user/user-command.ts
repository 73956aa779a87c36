/**
 * `npm run user -- <command> [options]`: local user accounts from the command line.
 *
 *   add      --username wang --role analyst [--role ...] --ou 640104 [--department health] [--display-name 王丽] [--password ...]
 *   password --username wang [--password ...]
 *   disable  --username wang
 *   list
 *
 * Without --password a password is generated and printed once (a password typed on the command line
 * lands in the shell's history).
 */
import { parseArgs } from 'node:util';
import { generatePassword, Users } from '@libs/accounts';

export const USAGE =
  'usage: npm run user -- add --username <name> --role <role> [--role ...] --ou <org unit> [--department <code>] [--display-name <name>] [--password <password>]\n       npm run user -- password --username <name> [--password <password>]\n       npm run user -- disable --username <name>\n       npm run user -- list';

const OPTIONS = {
  username: { type: 'string' },
  role: { type: 'string', multiple: true },
  ou: { type: 'string' },
  department: { type: 'string' },
  'display-name': { type: 'string' },
  password: { type: 'string' },
} as const;

export class UsageError extends Error {}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${flag} is required\n${USAGE}`);
  return value;
}

export interface UserCommand {
  command: 'add' | 'password' | 'disable' | 'list';
  values: { username?: string; role?: string[]; ou?: string; department?: string; 'display-name'?: string; password?: string };
}

/** Checks the command line before anything is opened; throws UsageError. */
export function parseUserCommand(argv: string[]): UserCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const [command, ...rest] = parsed.positionals;
  if (command !== 'add' && command !== 'password' && command !== 'disable' && command !== 'list') {
    throw new UsageError(command === undefined ? USAGE : `unknown command "${command}"\n${USAGE}`);
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"\n${USAGE}`);
  if (command !== 'list') required(parsed.values.username, 'username');
  if (command === 'add') required(parsed.values.ou, 'ou');
  return { command, values: parsed.values };
}

/** Runs one command against the accounts; lines for the user go to `print`. */
export async function runUserCommand({ command, values }: UserCommand, users: Users, print: (line: string) => void): Promise<void> {
  const password = values.password ?? generatePassword();
  const generated = values.password === undefined ? `\n  password: ${password}  (generated; shown once)` : '';
  switch (command) {
    case 'add': {
      const roles = (values.role ?? []).flatMap((role) => role.split(','));
      const user = await users.create({
        username: required(values.username, 'username'),
        password,
        roles,
        ou: required(values.ou, 'ou'),
        department: values.department,
        displayName: values['display-name'],
      });
      print(`added ${user.username} (${user.roles.join(', ')} in ${user.ou}${user.department ? `, ${user.department}` : ''})${generated}`);
      return;
    }
    case 'password':
      await users.setPassword(required(values.username, 'username'), password);
      print(`password of ${values.username} set; their sessions ended${generated}`);
      return;
    case 'disable':
      await users.disable(required(values.username, 'username'));
      print(`disabled ${values.username}; their sessions ended`);
      return;
    case 'list':
      for (const user of await users.list())
        print(
          `${user.username}\t${user.roles.join(',')}\t${user.ou}\t${user.department ?? '-'}\t${user.disabled ? 'disabled' : 'active'}\t${user.displayName}`,
        );
      return;
    default: {
      const exhaustive: never = command;
      throw new UsageError(`unknown command ${String(exhaustive)}`);
    }
  }
}
