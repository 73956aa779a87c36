/**
 * Every `rule` a refused field can carry in the API's 400 `invalid-request` (apps/api/src/http/problem.ts
 * FieldError), read from the server itself rather than listed by hand:
 *
 * - the constraints of every class validated by the pipe: each source of apps/api/src that imports
 *   class-validator is loaded, and class-validator's own metadata names the constraints its decorators set
 *   (`@Length` is `isLength`, `@IsUUID` `isUuid`, `@IsInstant` `isInstant`), so a new decorator is found here;
 * - those the pipe adds by its options (apps/api/src/http/validation.ts): PIPE_RULES;
 * - those the service names itself: `rule: '...'` in a FieldError literal, the third argument of
 *   `invalidField`, and INVALID_RULE, its default.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import * as ts from 'typescript';
import { INVALID_RULE } from '@apps/api/src/http/problem';

const API = join(__dirname, '..', '..', '..', 'apps', 'api', 'src');

/** `whitelist` + `forbidNonWhitelisted`, `forbidUnknownValues`, and a nested DTO given a non-object. */
const PIPE_RULES = [ValidationTypes.WHITELIST, 'unknownValue', ValidationTypes.NESTED_VALIDATION];

/** Metadata types that never refuse a field by themselves. */
const SILENT = new Set<string>([ValidationTypes.CONDITIONAL_VALIDATION, ValidationTypes.WHITELIST, ValidationTypes.PROMISE_VALIDATION]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    // metadata.ts is the Swagger plugin's generated output: one huge line, no validation of its own.
    const skip = !name.endsWith('.ts') || name.endsWith('.spec.ts') || name.endsWith('.d.ts') || name === 'metadata.ts';
    return skip ? [] : [path];
  });
}

interface Metadata {
  type: string;
  name?: string;
  constraintCls: Function;
}

/** The constraint names class-validator reports for every class loaded so far. */
function constraintNames(): string[] {
  const storage = getMetadataStorage();
  const all = [...(storage as unknown as { validationMetadatas: Map<Function, Metadata[]> }).validationMetadatas.values()].flat();
  return all
    .filter((m) => !SILENT.has(m.type))
    .map((m) => {
      if (m.type !== ValidationTypes.CUSTOM_VALIDATION) return m.type;
      return m.name ?? storage.getTargetValidatorConstraints(m.constraintCls)[0]?.name ?? `(unnamed ${m.constraintCls.name})`;
    });
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** The rules the service names in its own FieldErrors: `rule: 'noNul'` and `invalidField(field, message, 'rule')`. */
function namedRules(path: string, text: string): string[] {
  const found: string[] = [];
  walk(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true), (node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'rule' && ts.isStringLiteral(node.initializer))
      found.push(node.initializer.text);
    if (
      ts.isCallExpression(node) &&
      node.expression.getText() === 'invalidField' &&
      node.arguments[2] &&
      ts.isStringLiteral(node.arguments[2])
    )
      found.push(node.arguments[2].text);
  });
  return found;
}

/** Every rule the API can answer a refused field with, sorted, each once. */
export function serverFieldRules(): string[] {
  const rules = [...PIPE_RULES, INVALID_RULE];
  for (const path of sources(API)) {
    const text = readFileSync(path, 'utf8');
    rules.push(...namedRules(path, text));
    // Loaded for its decorators' metadata: the DTOs, and the query classes declared beside controllers.
    if (text.includes("from 'class-validator'")) require(path);
  }
  rules.push(...constraintNames());
  return [...new Set(rules)].sort();
}
