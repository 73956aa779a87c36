/**
 * The committed Swagger metadata (apps/api/src/metadata.ts) is what the generator writes from the source
 * now: a DTO, validation rule or handler changed without `npm run openapi:metadata` fails here, naming
 * the command. The generator runs in a child process (it is an ES module of @nestjs/cli with its own
 * TypeScript program) into a temporary folder, and the two files are compared in a canonical form, so
 * that a formatter run over the tree (quotes, line breaks, trailing commas) or the order the generator
 * visits files in does not count as a difference.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '../..');
/** Lists whose order the generator does not fix (it follows the program's files): compared as sets. */
const UNORDERED = new Set(['models', 'controllers']);

const keyOf = (name: ts.PropertyName) => (ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText());

/**
 * The file as a canonical string: tokens without trivia or commas, strings and identifiers by value (`"a"`
 * and `a` alike), object properties and the models/controllers lists sorted. Formatting and the order the
 * generator happened to visit files in make no difference; any changed name, type or rule does.
 */
function canonical(node: ts.Node, file: ts.SourceFile): string {
  if (ts.isObjectLiteralExpression(node))
    return `{ ${node.properties
      .map((p) => canonical(p, file))
      .sort()
      .join(' ; ')} }`;
  if (ts.isArrayLiteralExpression(node) && ts.isPropertyAssignment(node.parent) && UNORDERED.has(keyOf(node.parent.name))) {
    return `[ ${node.elements
      .map((e) => canonical(e, file))
      .sort()
      .join(' ; ')} ]`;
  }
  if (ts.isStringLiteral(node) || ts.isIdentifier(node)) return node.text;
  const children = node.getChildren(file);
  if (children.length === 0) return node.kind === ts.SyntaxKind.CommaToken ? '' : node.getText(file);
  return children
    .map((child) => canonical(child, file))
    .filter(Boolean)
    .join(' ');
}

function canonicalFile(source: string): string {
  const file = ts.createSourceFile('metadata.ts', source, ts.ScriptTarget.Latest, true);
  return canonical(file, file);
}

describe('the committed Swagger plugin metadata', () => {
  it('is what `npm run openapi:metadata` would write from the source now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'family-ledger-openapi-'));
    try {
      const run = spawnSync(process.execPath, ['-r', './scripts/projections/register.js', 'scripts/openapi/plugin-metadata.ts', dir], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 300_000,
      });
      if (run.status !== 0) throw new Error(`the generator failed (${run.status ?? run.signal}): ${run.stderr}`);
      const fresh = readFileSync(join(dir, 'metadata.ts'), 'utf8');
      const committed = readFileSync(join(ROOT, 'apps/api/src/metadata.ts'), 'utf8');
      if (canonicalFile(fresh) !== canonicalFile(committed))
        throw new Error('apps/api/src/metadata.ts is out of date: run `npm run openapi:metadata` and commit it');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
