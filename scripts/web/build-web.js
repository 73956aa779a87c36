#!/usr/bin/env node
/**
 * Builds apps/web into dist/web with Vite, unless nothing it is built from changed since the last build:
 * a SHA-256 of those files is kept beside the output (dist/web/.source-hash). Plain JavaScript so that it
 * runs before (and without) the TypeScript build. `--force` builds regardless.
 */
'use strict';
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..', '..');
const web = join(root, 'apps', 'web');
const out = join(root, 'dist', 'web');
const hashFile = join(out, '.source-hash');

function files(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function sourceHash() {
  const hash = createHash('sha256');
  // The lock file stands for the installed versions of React, Ant Design, ECharts and Vite.
  for (const path of [...files(web), join(root, 'package-lock.json')]) {
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

function buildWeb({ force = false, quiet = false } = {}) {
  const wanted = sourceHash();
  if (!force && existsSync(hashFile) && readFileSync(hashFile, 'utf8').trim() === wanted) {
    if (!quiet) console.log('web app: dist/web is up to date');
    return false;
  }
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(web, 'vite.config.mts'), '--logLevel', quiet ? 'error' : 'warn'], { cwd: web, stdio: 'inherit' });
  writeFileSync(hashFile, `${wanted}\n`);
  if (!quiet) console.log('web app: built into dist/web');
  return true;
}

module.exports = { buildWeb, sourceHash };

if (require.main === module) buildWeb({ force: process.argv.includes('--force') });
