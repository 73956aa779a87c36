/**
 * The command lines of scripts/ and bench/ are read by node:util's parseArgs (strict: an unknown or
 * valueless option is refused); this puts its refusals in the scripts' words, with the usage line.
 */
import { parseArgs, ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function readOptions<O extends Options>(argv: readonly string[], options: O, usage: string) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const flag = /'(--[A-Za-z0-9-]+)/.exec(message)?.[1] ?? 'an option';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(`unknown argument ${flag} (${usage})`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && message.includes('missing')) throw new Error(`${flag} needs a value (${usage})`);
    throw new Error(`${message.split('\n')[0]} (${usage})`);
  }
}
