/**
 * The committed Swagger metadata (apps/api/src/metadata.ts) is what the generator writes from the source
 * now: a DTO, validation rule or handler changed without `npm run openapi:metadata` fails here, naming
 * the command. The generator runs in a child process (it is an ES module of @nestjs/cli with its own
 * TypeScript program) into a temporary folder, and the two files are compared token by token, so that
 * a formatter run over the tree (quotes, line breaks, trailing commas) does not count as a difference.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '../..');
const CLOSERS = new Set([ts.SyntaxKind.CloseBraceToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.CloseParenToken]);

/** The file's tokens without trivia: string literals and identifiers by value (`"a"` and `a` alike), no trailing commas. */
function tokens(source: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  const kinds: ts.SyntaxKind[] = [];
  const values: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (CLOSERS.has(kind) && kinds[kinds.length - 1] === ts.SyntaxKind.CommaToken) {
      kinds.pop();
      values.pop();
    }
    kinds.push(kind);
    values.push(kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.Identifier ? scanner.getTokenValue() : scanner.getTokenText());
  }
  return values;
}

describe('the committed Swagger plugin metadata', () => {
  it('is what `npm run openapi:metadata` would write from the source now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'family-ledger-openapi-'));
    try {
      const run = spawnSync(process.execPath, ['-r', './scripts/projections/register.js', 'scripts/openapi/plugin-metadata.ts', dir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      if (run.status !== 0) throw new Error(`the generator failed (${run.status ?? run.signal}): ${run.stderr}`);
      const fresh = readFileSync(join(dir, 'metadata.ts'), 'utf8');
      const committed = readFileSync(join(ROOT, 'apps/api/src/metadata.ts'), 'utf8');
      if (tokens(fresh).join(' ') !== tokens(committed).join(' ')) throw new Error('apps/api/src/metadata.ts is out of date: run `npm run openapi:metadata` and commit it');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
