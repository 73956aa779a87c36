/**
 * Every problem `code` the server can answer with, read from its source (libs/, projections/, apps/api/src/)
 * by the TypeScript parser: the code argument of `ProblemException.of`, `problem`, `rule` and `new DomainError`,
 * of the functions that pass a `code` parameter on to one of these (libs/domain/household/checks.ts), and of
 * the errors whose `.code` the HTTP layer answers as it is (CARRIERS). A code the collector cannot resolve is
 * reported as an unresolved site rather than guessed, so a new way of making codes is taught here, not missed.
 */
import { relative } from 'node:path';
import * as ts from 'typescript';
import { calleeName, enclosingFunction, functionName, importsFrom, parseSources, ROOT, Source, walk } from './server-source';

/** Errors whose `code` the HTTP layer answers unchanged (`ProblemException.of(400, error.code, ...)`). */
const CARRIERS = ['DomainError', 'CheckpointError', 'IndicatorRequestError', 'ScorecardError', 'ScorePeriodError'];

/** Where a code is found, so a failure can say which file answers it. */
export interface ServerCodes {
  codes: Map<string, string[]>;
  /** `file:line text` of code arguments the collector could not read. */
  unresolved: string[];
}

/** Index of the code argument of a root sink, or undefined. */
function rootSink(node: ts.Node): number | undefined {
  if (ts.isCallExpression(node)) {
    const name = calleeName(node);
    if (name === 'ProblemException.of' || name === 'problem' || name === 'rule') return 1;
  }
  if (ts.isNewExpression(node) && CARRIERS.includes(node.expression.getText())) return 0;
  return undefined;
}

/** The string literals an expression can be, or undefined where that cannot be read. */
function literals(expression: ts.Expression, path: string): string[] | undefined {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
  if (ts.isParenthesizedExpression(expression)) return literals(expression.expression, path);
  if (ts.isConditionalExpression(expression)) {
    const [yes, no] = [literals(expression.whenTrue, path), literals(expression.whenFalse, path)];
    return yes && no ? [...yes, ...no] : undefined;
  }
  // `http-${status}`: Nest's own HttpExceptions, answered by status (see the spec's allow-list).
  if (ts.isTemplateExpression(expression) && expression.head.text === 'http-') return ['http-<status>'];
  // `error.code` of an error the HTTP layer answers as it is: its codes are collected with the carrier's.
  if (ts.isPropertyAccessExpression(expression) && expression.name.text === 'code') return [];
  if (ts.isIdentifier(expression)) return identifierLiterals(expression, path);
  return undefined;
}

/** A local `const code = ...`, or an element of `const [status, code] = classify(...)` whose returns are tuples. */
function identifierLiterals(identifier: ts.Identifier, path: string): string[] | undefined {
  const fn = enclosingFunction(identifier);
  let found: string[] | undefined;
  if (!fn) return undefined;
  walk(fn, (node) => {
    if (!ts.isVariableDeclaration(node) || !node.initializer) return;
    if (ts.isIdentifier(node.name) && node.name.text === identifier.text) found = literals(node.initializer, path);
    if (ts.isArrayBindingPattern(node.name) && ts.isCallExpression(node.initializer)) {
      const index = node.name.elements.findIndex((e) => ts.isBindingElement(e) && e.name.getText() === identifier.text);
      if (index >= 0) found = tupleLiterals(identifier.getSourceFile(), node.initializer.expression.getText(), index, path);
    }
  });
  return found;
}

function tupleLiterals(file: ts.SourceFile, name: string, index: number, path: string): string[] | undefined {
  const codes: string[] = [];
  let readable = false;
  walk(file, (node) => {
    if (!ts.isFunctionDeclaration(node) || node.name?.text !== name) return;
    walk(node, (inner) => {
      if (!ts.isReturnStatement(inner) || !inner.expression || !ts.isArrayLiteralExpression(inner.expression)) return;
      const element = literals(inner.expression.elements[index], path);
      if (element) codes.push(...element);
      readable = !!element;
    });
  });
  return readable ? codes : undefined;
}

/** The code literals of a carrier's `code` type (`readonly code: 'a' | 'b'` or a type alias of them). */
function carrierTypeCodes(all: Source[]): string[] {
  const codes: string[] = [];
  const union = (type: ts.TypeNode) =>
    walk(type, (node) => ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) && codes.push(node.literal.text));
  for (const { file } of all) {
    const aliases = new Map<string, ts.TypeNode>();
    walk(file, (node) => ts.isTypeAliasDeclaration(node) && aliases.set(node.name.text, node.type));
    walk(file, (node) => {
      if (!ts.isClassDeclaration(node) || !CARRIERS.includes(node.name?.text ?? '')) return;
      const code = node.members.find(ts.isConstructorDeclaration)?.parameters.find((p) => p.name.getText() === 'code');
      const type = code?.type && ts.isTypeReferenceNode(code.type) ? aliases.get(code.type.typeName.getText()) : code?.type;
      if (type) union(type);
    });
  }
  return codes;
}

/** A problem written out by hand (`{ type: '.../problems/unavailable', code: 'unavailable' }`, the health check). */
function writtenProblemCode(node: ts.Node): string | undefined {
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const value = (name: string) => {
    const property = node.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === name) as
      ts.PropertyAssignment | undefined;
    return property && ts.isStringLiteral(property.initializer) ? property.initializer.text : undefined;
  };
  return value('type')?.startsWith('https://family-ledger.dev/problems/') ? value('code') : undefined;
}

export function serverProblemCodes(): ServerCodes {
  const all = parseSources(['libs', 'projections', 'apps/api/src']);
  const codes = new Map<string, string[]>();
  const unresolved: string[] = [];
  const add = (code: string, where: string) => codes.set(code, [...(codes.get(code) ?? []), where]);
  for (const code of carrierTypeCodes(all)) add(code, 'a carrier error type');

  // Functions passing a `code` parameter on to a sink are sinks themselves: found until no more appear.
  const forwarders: { name: string; index: number; path: string }[] = [];
  const sinkIndex = (source: Source, node: ts.Node): number | undefined => {
    const root = rootSink(node);
    if (root !== undefined || !(ts.isCallExpression(node) || ts.isNewExpression(node))) return root;
    const name = calleeName(node).split('.').pop()!;
    return forwarders.find((f) => f.name === name && importsFrom(source, name, f.path))?.index;
  };
  for (let before = -1; before !== forwarders.length;) {
    before = forwarders.length;
    for (const source of all)
      walk(source.file, (node) => {
        const index = sinkIndex(source, node);
        const argument = index === undefined ? undefined : (node as ts.CallExpression).arguments?.[index];
        const fn = argument && ts.isIdentifier(argument) ? enclosingFunction(node) : undefined;
        const parameter = fn?.parameters.findIndex((p) => p.name.getText() === argument!.getText()) ?? -1;
        const name = fn && functionName(fn);
        if (name && parameter >= 0 && !forwarders.some((f) => f.name === name && f.path === source.path))
          forwarders.push({ name, index: parameter, path: source.path });
      });
  }

  for (const source of all)
    walk(source.file, (node) => {
      const line = source.file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const where = `${relative(ROOT, source.path)}:${line}`;
      const written = writtenProblemCode(node);
      if (written) add(written, where);
      const index = sinkIndex(source, node);
      const argument = index === undefined ? undefined : (node as ts.CallExpression).arguments?.[index];
      if (!argument) return;
      const fn = ts.isIdentifier(argument) ? enclosingFunction(node) : undefined;
      if (fn?.parameters.some((p) => p.name.getText() === argument.getText())) return; // a forwarder: its callers name the code
      const found = literals(argument, source.path);
      if (found) for (const code of found) add(code, where);
      else unresolved.push(`${where} ${argument.getText()}`);
    });
  return { codes, unresolved };
}
