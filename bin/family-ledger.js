#!/usr/bin/env node
'use strict';
// Launcher for the offline verifier; the TypeScript is compiled by `npm run build` into dist/.
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'dist', 'scripts', 'verify', 'cli.js');
let cli;
try {
  cli = require(compiled);
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(compiled)) {
    process.stderr.write('family-ledger: not built yet; run `npm run build` first\n');
    process.exit(2);
  }
  throw error;
}
process.exitCode = cli.main(process.argv.slice(2));
