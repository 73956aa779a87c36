#!/usr/bin/env node
/**
 * The web app's part of `npm run build`: `vite build` of apps/web into dist/web, only when something it is
 * built from changed since the last build (a SHA-256 of apps/web's sources and the lock file, kept beside
 * the output in dist/web/.source-hash). Without apps/web it does nothing: the API runs alone. Plain
 * JavaScript, so that it runs before (and without) the TypeScript build. `--force` builds regardless.
 */
'use strict';
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

/** What tools write inside apps/web (dependencies, caches, test output): not sources. */
const SKIP = new Set(['node_modules', 'dist', '.vite', 'test-results', 'playwright-report', 'coverage', '.git']);

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !SKIP.has(entry.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : []));
}

function sourceHash(root = join(__dirname, '..', '..')) {
  const hash = createHash('sha256');
  // The lock file stands for the installed versions of React, Ant Design, ECharts and Vite.
  const lock = join(root, 'package-lock.json');
  for (const path of [...files(join(root, 'apps', 'web')), ...(existsSync(lock) ? [lock] : [])]) {
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

/** Runs Vite with this Node, from the root's node_modules (or apps/web's own). */
function runVite(root, web, quiet) {
  viteBuild(root, web, quiet, []);
  // The server's render of a page's opening (apps/web/src/opening/render.tsx), beside it in dist/web/.server.
  viteBuild(root, web, quiet, ['--ssr', 'src/opening/render.tsx']);
}

function viteBuild(root, web, quiet, extra) {
  const vite = [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), join(web, 'node_modules', 'vite', 'bin', 'vite.js')].find(existsSync);
  if (!vite) throw new Error('apps/web needs vite, which is not installed: run npm ci');
  const config = ['vite.config.mts', 'vite.config.ts', 'vite.config.js', 'vite.config.mjs'].map((name) => join(web, name)).find(existsSync);
  const args = [vite, 'build', ...extra, ...(config ? ['--config', config] : []), '--logLevel', quiet ? 'error' : 'warn'];
  // Always React's production build: under jest NODE_ENV is "test", and Vite would otherwise bundle React's
  // development build (StrictMode's doubled effects, slower renders) into a dist/web that `npm start` serves.
  execFileSync(process.execPath, args, { cwd: web, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/**
 * True when it built; false when dist/web was up to date or there is no apps/web.
 * `root` and `run` let a test point it at a scratch tree and stand in for Vite.
 */
function buildWeb({ force = false, quiet = false, root = join(__dirname, '..', '..'), run = runVite } = {}) {
  const web = join(root, 'apps', 'web');
  const out = join(root, 'dist', 'web');
  const hashFile = join(out, '.source-hash');
  if (!existsSync(join(web, 'package.json')) && !existsSync(join(web, 'index.html'))) return false;
  const wanted = sourceHash(root);
  const upToDate = existsSync(hashFile) && readFileSync(hashFile, 'utf8').trim() === wanted && existsSync(join(out, 'index.html'));
  if (!force && upToDate) {
    if (!quiet) console.log('web app: dist/web is up to date');
    return false;
  }
  run(root, web, quiet);
  if (!existsSync(join(out, 'index.html')))
    throw new Error('vite build wrote no dist/web/index.html: apps/web must build to ../../dist/web');
  // Written after the build: Vite empties its output directory first.
  writeFileSync(hashFile, `${wanted}\n`);
  if (!quiet) console.log('web app: built into dist/web');
  return true;
}

module.exports = { buildWeb, sourceHash };

if (require.main === module) {
  try {
    buildWeb({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(`web app build failed: ${error && error.message ? error.message : error}`);
    process.exit(1);
  }
}
