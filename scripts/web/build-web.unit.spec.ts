import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb, ViteRunner } from './build-web';

describe('the incremental web app build', () => {
  function project(): string {
    const root = mkdtempSync(join(tmpdir(), 'family-ledger-build-web-'));
    mkdirSync(join(root, 'apps', 'web', 'src'), { recursive: true });
    writeFileSync(join(root, 'package-lock.json'), '{}');
    writeFileSync(join(root, 'apps', 'web', 'index.html'), '<div id="root"></div>');
    writeFileSync(join(root, 'apps', 'web', 'src', 'main.tsx'), 'export {}');
    return root;
  }

  /** Stands in for Vite: writes the output, as `vite build` with outDir ../../dist/web does. */
  function fakeVite(): ViteRunner & { calls: number } {
    const run = Object.assign(
      (root: string) => {
        run.calls += 1;
        mkdirSync(join(root, 'dist', 'web'), { recursive: true });
        writeFileSync(join(root, 'dist', 'web', 'index.html'), `<html>${run.calls}</html>`);
      },
      { calls: 0 },
    );
    return run;
  }

  it('builds once, skips Vite while apps/web is unchanged, and builds again after a change', () => {
    const root = project();
    const run = fakeVite();
    expect(buildWeb({ root, run, quiet: true })).toBe(true);
    expect(buildWeb({ root, run, quiet: true })).toBe(false);
    expect(run.calls).toBe(1);
    writeFileSync(join(root, 'apps', 'web', 'src', 'main.tsx'), 'export const changed = 1;');
    expect(buildWeb({ root, run, quiet: true })).toBe(true);
    expect(run.calls).toBe(2);
    expect(readFileSync(join(root, 'dist', 'web', '.source-hash'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('ignores what tools write inside apps/web, and builds again when the output is gone or when forced', () => {
    const root = project();
    const run = fakeVite();
    buildWeb({ root, run, quiet: true });
    mkdirSync(join(root, 'apps', 'web', 'node_modules', '.vite'), { recursive: true });
    writeFileSync(join(root, 'apps', 'web', 'node_modules', '.vite', 'cache'), 'x');
    expect(buildWeb({ root, run, quiet: true })).toBe(false);
    rmSync(join(root, 'dist', 'web', 'index.html'));
    expect(buildWeb({ root, run, quiet: true })).toBe(true);
    expect(buildWeb({ root, run, quiet: true, force: true })).toBe(true);
    expect(run.calls).toBe(3);
  });

  it('rebuilds when the lock file (the installed versions) changes', () => {
    const root = project();
    const run = fakeVite();
    buildWeb({ root, run, quiet: true });
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    expect(buildWeb({ root, run, quiet: true })).toBe(true);
  });

  it('does nothing when there is no apps/web', () => {
    const root = mkdtempSync(join(tmpdir(), 'family-ledger-build-web-'));
    const run = fakeVite();
    expect(buildWeb({ root, run, quiet: true })).toBe(false);
    expect(run.calls).toBe(0);
  });
});
