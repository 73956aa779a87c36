/**
 * The web app's part of `npm run build`: runs `vite build` in apps/web (output dist/web) only when its
 * sources changed since the last build, judged by a hash of them kept beside the output
 * (dist/web/.source-hash). Without apps/web it does nothing, quietly: the API runs alone.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Output and caches of tools, not sources: changing them must not trigger a build. */
const SKIP = new Set(['node_modules', 'dist', '.vite', 'test-results', 'playwright-report', 'coverage', '.git']);
const HASH_FILE = '.source-hash';

export type Runner = (command: string, args: string[], cwd: string) => Promise<void>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** Every file of apps/web (paths and contents) and the lock file that pins its dependencies. */
export function sourceHash(root: string): string {
  const web = join(root, 'apps', 'web');
  const files = [...filesUnder(web), ...[join(root, 'package-lock.json'), join(root, 'package.json')].filter(existsSync)];
  const hash = createHash('sha256');
  for (const file of files.map((f) => relative(root, f)).sort()) {
    hash.update(file).update('\0').update(createHash('sha256').update(readFileSync(join(root, file))).digest()).update('\0');
  }
  return hash.digest('hex');
}

function viteOf(root: string): string {
  const candidates = [join(root, 'apps', 'web', 'node_modules', '.bin', 'vite'), join(root, 'node_modules', '.bin', 'vite')];
  const found = candidates.find(existsSync);
  if (!found) throw new Error('apps/web needs vite, which is not installed: run npm ci (or npm install in apps/web)');
  return found;
}

const spawnRunner: Runner = (command, args, cwd) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });

export async function buildWeb(root: string, run: Runner = spawnRunner, log: (line: string) => void = console.log): Promise<'absent' | 'unchanged' | 'built'> {
  const web = join(root, 'apps', 'web');
  if (!existsSync(join(web, 'package.json')) && !readdirSafe(web).some((name) => name.startsWith('vite.config.'))) return 'absent';
  const out = join(root, 'dist', 'web');
  const hash = sourceHash(root);
  const previous = existsSync(join(out, HASH_FILE)) ? readFileSync(join(out, HASH_FILE), 'utf8').trim() : undefined;
  if (previous === hash && existsSync(join(out, 'index.html'))) {
    log('web app: unchanged since the last build (dist/web)');
    return 'unchanged';
  }
  await run(viteOf(root), ['build'], web);
  if (!existsSync(join(out, 'index.html'))) throw new Error('vite build wrote no dist/web/index.html: apps/web must build to ../../dist/web');
  // Written after the build: vite empties its output directory first.
  writeFileSync(join(out, HASH_FILE), `${hash}\n`);
  return 'built';
}

function readdirSafe(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

if (require.main === module) {
  buildWeb(process.cwd()).catch((error: unknown) => {
    console.error(`web app build failed: ${(error as Error)?.message ?? error}`);
    process.exit(1);
  });
}
