/**
 * Loads an assessment scheme from a JSON file as the scheme's next version (docs/assessment.md):
 *
 *   npm run reference:load-scheme -- happy-family.v2.json
 *
 * The document is checked whole first against the indicator catalogue: a bad component is reported with
 * its position, key and line, and nothing is written (exit 1); so is a version taking effect before the
 * bimonth in progress.
 */
import { readFileSync } from 'node:fs';
import { loadSchemeVersion, parseScheme, SchemeError } from '@libs/assessment';
import { localMonthOf } from '@libs/calendar';
import { catalogue } from '@projections/index';
import { openScriptRuntime } from '../projections/open-store';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new SchemeError('the argument is the scheme file (JSON)');
  const document = parseScheme(JSON.parse(readFileSync(file, 'utf8')), catalogue);
  const runtime = await openScriptRuntime();
  try {
    const loaded = await loadSchemeVersion(
      runtime.dataSource,
      document,
      process.env.USER ?? 'reference:load-scheme',
      localMonthOf(Date.now()),
    );
    process.stdout.write(
      `${loaded.scheme}: version ${loaded.version}, from ${loaded.effectiveFrom}, ${loaded.components.length} components\n`,
    );
  } finally {
    await runtime.close();
  }
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`${error instanceof SchemeError ? `${error.message} (nothing loaded)` : error.stack}\n`);
    process.exit(1);
  });
}
