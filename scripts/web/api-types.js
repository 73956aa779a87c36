#!/usr/bin/env node
/**
 * Regenerates the web app's typed client types (apps/web/src/api/schema.d.ts) from the OpenAPI document of
 * a running service: `npm run web:api-types -- http://127.0.0.1:3000` (the default). The web tests fail
 * when the committed file drifts from what the running app documents (test/web/api-types.e2e.spec.ts).
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { mkdtempSync, writeFileSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const target = join(root, 'apps', 'web', 'src', 'api', 'schema.d.ts');

/** The TypeScript text openapi-typescript makes of an OpenAPI document (an object). */
function typesOf(document) {
  const dir = mkdtempSync(join(tmpdir(), 'family-ledger-openapi-'));
  const input = join(dir, 'openapi.json');
  const output = join(dir, 'schema.d.ts');
  writeFileSync(input, JSON.stringify(document));
  execFileSync(process.execPath, [join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), input, '-o', output, '--silent'], {
    stdio: 'inherit',
  });
  return readFileSync(output, 'utf8');
}

module.exports = { typesOf, target };

if (require.main === module) {
  const base = process.argv[2] ?? 'http://127.0.0.1:3000';
  fetch(new URL('/openapi.json', base))
    .then(async (response) => {
      if (!response.ok) throw new Error(`GET ${base}/openapi.json answered ${response.status}`);
      writeFileSync(target, typesOf(await response.json()));
      console.log(`wrote ${target}`);
    })
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
