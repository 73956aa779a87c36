import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb, Runner } from './build-web';

describe('the incremental web app build', () => {
  function project(): string {
    const root = mkdtempSync(join(tmpdir(), 'family-ledger-build-web-'));
    mkdirSync(join(root, 'apps', 'web', 'src'), { recursive: true });
    mkdirSync(join(root, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(root, 'node_modules', '.bin', 'vite'), '');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    writeFileSync(join(root, 'apps', 'web', 'package.json'), '{}');
    writeFileSync(join(root, 'apps', 'web', 'src', 'main.tsx'), 'export {}');
    return root;
  }

  /** Stands in for vite: writes the output, as `vite build` with outDir ../../dist/web does. */
  function fakeVite(root: string): Runner & { calls: string[] } {
    const calls: string[] = [];
    const run = async (command: string, args: string[], cwd: string) => {
      calls.push(`${command.slice(root.length)} ${args.join(' ')} in ${cwd.slice(root.length)}`);
      mkdirSync(join(root, 'dist', 'web'), { recursive: true });
      writeFileSync(join(root, 'dist', 'web', 'index.html'), `<html>${calls.length}</html>`);
    };
    return Object.assign(run, { calls });
  }

  const quiet = () => undefined;

  it('builds once, skips vite while apps/web is unchanged, and builds again after a change', async () => {
    const root = project();
    const vite = fakeVite(root);
    expect(await buildWeb(root, vite, quiet)).toBe('built');
    expect(vite.calls).toEqual(['/node_modules/.bin/vite build in /apps/web']);
    expect(await buildWeb(root, vite, quiet)).toBe('unchanged');
    writeFileSync(join(root, 'apps', 'web', 'src', 'main.tsx'), 'export const changed = 1;');
    expect(await buildWeb(root, vite, quiet)).toBe('built');
    expect(vite.calls).toHaveLength(2);
    expect(readFileSync(join(root, 'dist', 'web', '.source-hash'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('ignores what the tools write inside apps/web, and rebuilds when the output is gone', async () => {
    const root = project();
    const vite = fakeVite(root);
    await buildWeb(root, vite, quiet);
    mkdirSync(join(root, 'apps', 'web', 'node_modules', '.vite'), { recursive: true });
    writeFileSync(join(root, 'apps', 'web', 'node_modules', '.vite', 'cache'), 'x');
    expect(await buildWeb(root, vite, quiet)).toBe('unchanged');
    rmSync(join(root, 'dist', 'web', 'index.html'));
    expect(await buildWeb(root, vite, quiet)).toBe('built');
  });

  it('does nothing when there is no apps/web', async () => {
    const root = mkdtempSync(join(tmpdir(), 'family-ledger-build-web-'));
    const vite = fakeVite(root);
    expect(await buildWeb(root, vite, quiet)).toBe('absent');
    expect(vite.calls).toEqual([]);
  });
});
