/**
 * The command lines of scripts/ and bench/ are read by node:util's parseArgs (strict: an unknown or
 * valueless option is refused); this puts its refusals in the scripts' words, with the usage line.
 */
import { parseArgs, ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A PEM block's armour: text an auditor pastes as a key, not an option, though it starts with dashes. */
const ARMOUR = /^-----BEGIN [A-Z0-9 ]+-----/;

/**
 * parseArgs takes any value that starts with `-` for the next option, so `--public-key "-----BEGIN ..."`
 * would be refused as "needs a value": such a value is joined to its option (`--public-key=...`) first.
 */
function joinArmouredValues(argv: readonly string[], options: Options): string[] {
  const takesValue = (arg: string) => arg.startsWith('--') && options[arg.slice(2)]?.type === 'string';
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (takesValue(argv[i]) && ARMOUR.test(argv[i + 1] ?? '')) joined.push(`${argv[i]}=${argv[++i]}`);
    else joined.push(argv[i]);
  }
  return joined;
}

export function readOptions<O extends Options>(argv: readonly string[], options: O, usage: string) {
  try {
    return parseArgs({ args: joinArmouredValues(argv, options), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const flag = /'(--[A-Za-z0-9-]+)/.exec(message)?.[1] ?? 'an option';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(`unknown argument ${flag} (${usage})`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && message.includes('missing')) throw new Error(`${flag} needs a value (${usage})`);
    if (message.includes('ambiguous'))
      throw new Error(`${flag} needs a value; one that starts with "-" goes as ${flag}=<value> (${usage})`);
    throw new Error(`${message.split('\n')[0]} (${usage})`);
  }
}
