/**
 * What the access policy (libs/auth/policy-table.ts) and the global layers say about every operation,
 * added to the generated document in one pass so that no controller has to repeat it: who may call it
 * (in the description), bearer security (none on public routes), 401/403 answers, the Idempotency-Key
 * every POST accepts, X-Purpose on routes answering with personal data, lower-case tags, the problem
 * answers each kind of operation can give (by rule, below), and the problem type on every error answer.
 */
import { OpenAPIObject } from '@nestjs/swagger';
import { allowedRoles, findPolicy, POLICY, PolicyEntry, ScopeRule } from '@libs/auth';

export const BEARER = 'bearer';

/** RFC 9457 problem details as this API writes them; one component, referred to by every error answer. */
const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Names the rule or failure; branch on this, not on the prose' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      description: 'The fields refused (400 `invalid-request`), each by its path and the rule it broke; never the value sent',
      items: {
        type: 'object',
        required: ['field', 'rule', 'message'],
        properties: {
          field: { type: 'string', description: 'The path of the field, dotted: `head.name`' },
          rule: {
            type: 'string',
            description:
              "The rule broken, to word in the client's language: a class-validator constraint (`isIn`, `matches`, `maxLength`, `isInstant`, `isNotEmpty`, `whitelistValidation` for a field no one may send), or the service's own: `noNul`, `finite`, `allowedName`, `chosenByService`, `invalid`",
          },
          message: { type: 'string', description: 'The rule in English, for API users' },
        },
      },
    },
  },
};

export const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

const SUCCESS: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content' };

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: object };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const SCOPE: Record<ScopeRule['kind'], string> = {
  none: 'Any org unit.',
  city: 'City-wide tokens only (403 `out-of-scope` otherwise).',
  own: 'Any org unit: a scoped token receives only what lies inside its org unit (events of streams whose place is there or below).',
  body: "The org unit named in the body must lie within the token's (403 `out-of-scope`).",
  'body-household': "The household named in the body must lie within the token's org unit (404 otherwise, as if missing).",
  query:
    "The org unit asked for must lie within the token's (403 `out-of-scope`); when omitted, a scoped token is answered for its own org unit.",
  aggregate: "The aggregate must lie within the token's org unit: one outside answers 404, exactly as a missing one.",
  'path-ou': "The district in the path must lie within the token's org unit (404 otherwise).",
  'case-or-its-unit':
    "The case must lie within the token's org unit, or be about the unit the token belongs to (its org unit or department) from below the case's district; 404 otherwise, as if missing.",
};

function access(entry: PolicyEntry | undefined): string {
  if (!entry) return 'No access policy: refused (403 `no-policy`).';
  if (entry.roles === 'public') return `Public: no token needed (${entry.why}).`;
  const personal = entry.personal
    ? " Answers hold personal data: an auditor's or administrator's read is written to the access log with its X-Purpose."
    : '';
  return `Roles: ${allowedRoles(entry).join(', ')} (${entry.why}). ${SCOPE[entry.scope.kind]}${personal}`;
}

function addHeader(operation: Operation, header: Parameter): void {
  const parameters = (operation.parameters ??= []) as Parameter[];
  if (!parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === header.name.toLowerCase())) parameters.push(header);
}

const has = (operation: Operation, header: string) =>
  ((operation.parameters ?? []) as Parameter[]).some((p) => p.in === 'header' && p.name.toLowerCase() === header);

/** The failures the global layers and the command path can answer, by what the operation takes. */
function problems(operation: Operation, method: string, path: string): Record<string, string> {
  const write = method !== 'get';
  return {
    ...((operation.parameters?.length || operation.requestBody) && {
      400: 'A body, parameter or header off the schema (the problem names it), or an unknown reference code',
    }),
    ...(path.includes('{') && { 404: "No such aggregate, or one outside the token's org unit (answered alike)" }),
    ...(write && { 409: 'A rule broken (`code` names it), or a concurrent write' }),
    ...(has(operation, 'if-match') && { 412: 'If-Match is not the current revision' }),
    ...(operation.requestBody && { 413: 'The body is larger than allowed' }),
    ...(method === 'post' && { 422: 'The Idempotency-Key was used for a different request' }),
    503: 'The database or the event store is unavailable; retry after Retry-After',
  };
}

function complete(operation: Operation, method: string, path: string): void {
  const entry = findPolicy(POLICY, method, path.replace(/\{(\w+)\}/g, ':$1'));
  operation.tags = (operation.tags ?? [path.split('/')[1]]).map((tag) => tag.toLowerCase());
  operation.description = [operation.description, access(entry)].filter(Boolean).join('\n\n');
  if (method === 'post')
    addHeader(operation, {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      schema: { type: 'string' },
      description: 'A retry with the same key and body gets the first answer; another body is 422',
    });
  if (entry?.personal)
    addHeader(operation, {
      name: 'X-Purpose',
      in: 'header',
      required: false,
      schema: { type: 'string' },
      description: 'Why personal data is read (3 to 200 characters); written to the access log for auditors and administrators',
    });
  const responses = operation.responses;
  if (entry?.roles === 'public') {
    operation.security = [];
  } else {
    operation.security = [{ [BEARER]: [] }];
    responses['401'] ??= {
      description: 'No bearer token, or one that is expired, malformed or not signed by a trusted key',
      content: PROBLEM,
    };
    responses['403'] ??= {
      description: "The token's role or org unit may not use this endpoint (`forbidden`, `out-of-scope`, ...)",
      content: PROBLEM,
    };
  }
  for (const [status, description] of Object.entries(problems(operation, method, path)))
    responses[status] ??= { description, content: PROBLEM };
  for (const [status, answer] of Object.entries(responses)) {
    if (answer && 'description' in answer && !answer.description && SUCCESS[status]) answer.description = SUCCESS[status];
  }
  for (const [status, answer] of Object.entries(responses)) {
    if (/^[45]/.test(status) && answer && 'description' in answer && !answer.content?.['application/problem+json'])
      answer.content = PROBLEM;
  }
}

/** Adds to every operation what the access policy and the global layers decide; returns the same document. */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) complete(operation, method, path);
    }
  }
  document.tags = document.tags?.map((tag) => ({ ...tag, name: tag.name.toLowerCase() }));
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  return document;
}
