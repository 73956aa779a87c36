/**
 * The server's sources as the TypeScript parser reads them, and the questions server-problem-codes.ts asks of
 * them: what a call is named, which function encloses a node, and whether a file imports a name from another.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as ts from 'typescript';

export const ROOT = join(__dirname, '..', '..', '..');

export interface Source {
  path: string;
  file: ts.SourceFile;
}

function sourcePaths(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourcePaths(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every source (not a spec, not a declaration) under the given folders of the repository, parsed. */
export function parseSources(dirs: string[]): Source[] {
  return dirs
    .flatMap((dir) => sourcePaths(join(ROOT, dir)))
    .map((path) => ({ path, file: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true) }));
}

export function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** `f`, `Owner.f`, or `f` for `this.f`. */
export function calleeName(node: ts.CallExpression | ts.NewExpression): string {
  const callee = node.expression;
  if (ts.isPropertyAccessExpression(callee)) {
    const owner = callee.expression.getText();
    return owner === 'this' ? callee.name.text : `${owner}.${callee.name.text}`;
  }
  return callee.getText();
}

export type Fn = ts.FunctionLikeDeclaration;

export function enclosingFunction(node: ts.Node): Fn | undefined {
  for (let at = node.parent; at; at = at.parent) if (ts.isFunctionLike(at) && 'body' in at) return at as Fn;
  return undefined;
}

export function functionName(fn: Fn): string | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  if (ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name.text;
  return undefined;
}

/** The sources of one module specifier, as the calling file resolves it (relative or a path alias). */
function resolves(from: string, specifier: string, target: string): boolean {
  const alias = /^@(libs|apps|projections)\/(.*)$/.exec(specifier);
  const base = alias ? join(ROOT, alias[1], alias[2]) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : undefined;
  if (!base) return false;
  if (`${base}.ts` === target) return true;
  const index = join(base, 'index.ts');
  if (index === target) return true;
  // One level of `export * from './checks'` in an index.
  const text = statSync(index, { throwIfNoEntry: false }) ? readFileSync(index, 'utf8') : '';
  return [...text.matchAll(/from '(\.[^']+)'/g)].some(([, inner]) => `${resolve(base, inner)}.ts` === target);
}

/** Whether `source` is `target` itself or imports `name` from it. */
export function importsFrom(source: Source, name: string, target: string): boolean {
  if (source.path === target) return true;
  return source.file.statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      !!s.importClause?.namedBindings &&
      ts.isNamedImports(s.importClause.namedBindings) &&
      s.importClause.namedBindings.elements.some((e) => e.name.text === name) &&
      resolves(source.path, s.moduleSpecifier.text, target),
  );
}
