/**
 * The committed Swagger metadata (apps/api/src/metadata.ts) is what the generator writes from the source
 * now: a DTO, validation rule or handler changed without `npm run openapi:metadata` fails here, naming
 * the command. The generator runs in a child process (it is an ES module of @nestjs/cli with its own
 * TypeScript program) into a temporary folder, and the two files are compared byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

describe('the committed Swagger plugin metadata', () => {
  it('is what `npm run openapi:metadata` would write from the source now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'family-ledger-openapi-'));
    try {
      const run = spawnSync(process.execPath, ['-r', './scripts/projections/register.js', 'scripts/openapi/plugin-metadata.ts', dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      if (run.status !== 0) throw new Error(`the generator failed (${run.status ?? run.signal}): ${run.stderr}`);
      const fresh = readFileSync(join(dir, 'metadata.ts'), 'utf8');
      const committed = readFileSync(join(ROOT, 'apps/api/src/metadata.ts'), 'utf8');
      if (fresh !== committed) throw new Error('apps/api/src/metadata.ts is out of date: run `npm run openapi:metadata` and commit it');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
