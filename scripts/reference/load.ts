/**
 * Loads a programme register from a CSV file as a new version, with its source:
 *
 *   npm run reference:load -- village-households libs/reference-data/village-households.synthetic.csv --source "synthetic city, generator seed 1"
 *   npm run reference:load -- enrolment-targets targets.csv --source "municipal plan 2013"
 *
 * The file is checked whole first: a bad line is reported with its number and nothing is written (exit 1).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegister, parseRegisterCsv, REGISTER_KINDS, RegisterError, RegisterKind } from '@libs/programme-register';
import { openScriptRuntime } from '../projections/open-store';

export interface LoadArgs {
  kind: RegisterKind;
  file: string;
  source: string;
}

export function loadArgs(argv: string[]): LoadArgs {
  const { values, positionals } = parseArgs({ args: argv, options: { source: { type: 'string' } }, allowPositionals: true });
  const [kind, file] = positionals;
  if (!(REGISTER_KINDS as readonly string[]).includes(kind ?? ''))
    throw new RegisterError(undefined, `the first argument is the register: ${REGISTER_KINDS.join(' or ')}`);
  if (!file) throw new RegisterError(undefined, 'the second argument is the CSV file');
  return { kind: kind as RegisterKind, file, source: values.source ?? `file ${basename(file)}` };
}

async function main(): Promise<void> {
  const args = loadArgs(process.argv.slice(2));
  const rows = parseRegisterCsv(args.kind, readFileSync(args.file, 'utf8'));
  const runtime = await openScriptRuntime();
  try {
    const load = await loadRegister(runtime.dataSource, args.kind, rows, args.source, process.env.USER ?? 'reference:load');
    process.stdout.write(`${args.kind}: version ${load.version}, ${load.rows} rows, source "${load.source}"\n`);
  } finally {
    await runtime.close();
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`${error instanceof RegisterError ? `${error.message} (nothing loaded)` : error.stack}\n`);
    process.exit(1);
  });
}
