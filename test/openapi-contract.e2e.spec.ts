/**
 * The OpenAPI document against what the running API validates and reads: every route's body fields
 * (class-validator metadata of its DTO, nested DTOs included), query parameters, path parameters and
 * headers must be in `/openapi.json`, required where the API requires them. Every operation says what it
 * does, who may call it (bearer security, 401/403) and what a success answers.
 */
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import request from 'supertest';
import { findPolicy, POLICY } from '@libs/auth';
import { INDICATOR_PARAMETERS } from '@apps/api/src/queries/indicators/indicators.controller';
import { FEED_PARAMETERS, PAGE_PARAMETERS } from '@apps/api/src/feed/feed-query';
import { SCORE_PARAMETERS } from '@apps/api/src/assessment/assessment.controller';
import { PARKED_PARAMETERS } from '@apps/api/src/consumer-groups/consumer-groups.controller';
import { startTestApp, TestApp } from './support/test-app';

/** class-transformer's `@Type(() => Dto)` records, which say what a nested field validates as (it ships no types for them). */
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: { findTypeMetadata(target: Function, property: string): { typeFunction(): unknown } | undefined };
};

type Schema = { $ref?: string; type?: string; items?: Schema; allOf?: Schema[]; properties?: Record<string, Schema>; required?: string[] };
type Parameter = { name: string; in: string; required?: boolean };
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, { type: string; scheme?: string }> };
};

interface Route {
  method: string;
  /** Express template, `/households/:id`. */
  path: string;
  controller: Function;
  handler: string;
}

const METHODS: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.DELETE]: 'delete',
  [RequestMethod.PATCH]: 'patch',
};
/** Controllers whose POSTs are commands: they read If-Match, X-Correlation-Id and (from an admin) X-Actor. */
const COMMANDS = ['HouseholdsController', 'LoansController', 'CasesController', 'SupervisionController', 'ResponsibilitiesController'];
/** Handlers that read the acting capacity (apps/api/src/accountability/acting-role.ts). */
const ACTING = ['CasesController.*', 'SupervisionController.assign', 'SupervisionController.endAssignment'];
/** Handlers that take the raw query and parse it themselves, with the parameters they read. */
const RAW_QUERIES: Record<string, readonly string[]> = {
  'IndicatorsController.indicator': INDICATOR_PARAMETERS,
  'FeedController.stream': FEED_PARAMETERS,
  'FeedController.page': PAGE_PARAMETERS,
  'AssessmentController.scores': SCORE_PARAMETERS,
  'ConsumerGroupsController.parked': PARKED_PARAMETERS,
};

/** Routes kept out of the document on purpose (`@ApiExcludeController`, `@ApiExcludeEndpoint`: /asyncapi.json, like /openapi.json itself). */
function excluded(controller: Function, fn: Function): boolean {
  const whole = (Reflect.getMetadata('swagger/apiExcludeController', controller) as boolean[] | undefined)?.[0] === true;
  return whole || (Reflect.getMetadata('swagger/apiExcludeEndpoint', fn) as { disable?: boolean } | undefined)?.disable === true;
}

function join(...parts: string[]): string {
  return `/${parts.join('/').split('/').filter(Boolean).join('/')}`;
}

function routes(app: TestApp): Route[] {
  const found: Route[] = [];
  for (const module of app.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Function;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const handler of Object.getOwnPropertyNames(controller.prototype)) {
        const fn = controller.prototype[handler];
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod];
        const path = Reflect.getMetadata(PATH_METADATA, fn);
        if (handler === 'constructor' || method === undefined || path === undefined || excluded(controller, fn)) continue;
        found.push({ method, path: join(base, String(path)), controller, handler });
      }
    }
  }
  return found;
}

interface Arg {
  type: RouteParamtypes;
  data?: string;
  cls?: Function;
}

function args(route: Route): Arg[] {
  const meta: Record<string, { index: number; data?: string }> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.handler) ?? {};
  const types: Function[] = Reflect.getMetadata('design:paramtypes', route.controller.prototype, route.handler) ?? [];
  return Object.entries(meta).map(([key, { index, data }]) => ({
    type: Number(key.split(':')[0]) as RouteParamtypes,
    data,
    cls: types[index],
  }));
}

const PRIMITIVES = new Set<Function>([Object, String, Number, Boolean, Array]);

/** Every validated field of a DTO as `a`, `a.b`, `a[].b`, with whether the API requires it. */
function validatedFields(cls: Function, prefix = ''): { field: string; required: boolean }[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const names = [...new Set(metadata.map((m) => m.propertyName))];
  return names.flatMap((name) => {
    const own = metadata.filter((m) => m.propertyName === name);
    const field = `${prefix}${name}`;
    const required = !own.some((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
    const nested = own.some((m) => m.type === ValidationTypes.NESTED_VALIDATION)
      ? (defaultMetadataStorage.findTypeMetadata(cls, name)?.typeFunction() as Function | undefined)
      : undefined;
    const each = own.some((m) => m.each);
    return [{ field, required }, ...(nested ? validatedFields(nested, `${field}${each ? '[]' : ''}.`) : [])];
  });
}

function resolve(document: Document, schema: Schema | undefined): Schema | undefined {
  if (schema?.$ref) return resolve(document, document.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema?.allOf?.length === 1) return resolve(document, schema.allOf[0]);
  return schema;
}

/** The same fields as the document describes them. */
function documentedFields(document: Document, schema: Schema | undefined, prefix = '', depth = 0): { field: string; required: boolean }[] {
  const resolved = resolve(document, schema);
  if (!resolved?.properties || depth > 5) return [];
  return Object.entries(resolved.properties).flatMap(([name, property]) => {
    const field = `${prefix}${name}`;
    const required = resolved.required?.includes(name) ?? false;
    const inner = resolve(document, property);
    const nested =
      inner?.type === 'array'
        ? documentedFields(document, inner.items, `${field}[].`, depth + 1)
        : documentedFields(document, inner, `${field}.`, depth + 1);
    return [{ field, required }, ...nested];
  });
}

/** What the API reads, route by route: body fields, query parameters, path parameters, headers. */
function readsOf(route: Route): {
  body: { field: string; required: boolean }[];
  query: { field: string; required: boolean }[];
  path: string[];
  headers: string[];
} {
  const all = args(route);
  const dto = (type: RouteParamtypes) =>
    all.filter((arg) => arg.type === type && arg.data === undefined && arg.cls && !PRIMITIVES.has(arg.cls));
  const name = route.controller.name;
  const raw = RAW_QUERIES[`${name}.${route.handler}`] ?? [];
  const headers = all.filter((arg) => arg.type === RouteParamtypes.HEADERS && arg.data).map((arg) => arg.data!.toLowerCase());
  if (route.method === 'post') headers.push('idempotency-key');
  if (COMMANDS.includes(name) && route.method === 'post') headers.push('if-match', 'x-correlation-id', 'x-actor');
  if ((ACTING.includes(`${name}.*`) || ACTING.includes(`${name}.${route.handler}`)) && route.method === 'post')
    headers.push('x-actor-role', 'x-actor-unit');
  if (findPolicy(POLICY, route.method, route.path)?.personal) headers.push('x-purpose');
  return {
    body: dto(RouteParamtypes.BODY).flatMap((arg) => validatedFields(arg.cls!)),
    query: [
      ...dto(RouteParamtypes.QUERY).flatMap((arg) => validatedFields(arg.cls!)),
      ...all.filter((arg) => arg.type === RouteParamtypes.QUERY && arg.data).map((arg) => ({ field: arg.data!, required: false })),
      ...raw.map((field) => ({ field, required: false })),
    ],
    path: [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]),
    headers: [...new Set(headers)],
  };
}

/** `{ type: 'object' }` and nothing more says nothing about the answer (what the plugin makes of an interface). */
function bare(schema: Schema): boolean {
  return schema.type === 'object' && !schema.properties && !schema.$ref && !schema.allOf;
}

describe('the OpenAPI document', () => {
  let app: TestApp;
  let document: Document;
  let all: Route[];
  const operation = (route: Route): Operation | undefined => document.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method];

  beforeAll(async () => {
    app = await startTestApp();
    document = (await request(app.http).get('/openapi.json').expect(200)).body;
    all = routes(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds the routes it checks', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter((route) => !operation(route)).map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it('documents every validated body field, required where the API requires it (nested ones too)', () => {
    const gaps = all.flatMap((route) => {
      const documented = documentedFields(document, operation(route)?.requestBody?.content['application/json']?.schema);
      return readsOf(route)
        .body.filter(({ field, required }) => !documented.some((d) => d.field === field && (!required || d.required)))
        .map(({ field, required }) => `${route.method} ${route.path}: ${field}${required ? ' (required)' : ''}`);
    });
    expect(gaps).toEqual([]);
  });

  it('documents every query parameter, path parameter and header each route reads', () => {
    const gaps = all.flatMap((route) => {
      const parameters = operation(route)?.parameters ?? [];
      const has = (where: string, name: string, required = false) =>
        parameters.some((p) => p.in === where && p.name.toLowerCase() === name.toLowerCase() && (!required || p.required));
      const reads = readsOf(route);
      return [
        ...reads.query.filter(({ field, required }) => !has('query', field, required)).map(({ field }) => `query ${field}`),
        ...reads.path.filter((name) => !has('path', name, true)).map((name) => `path ${name}`),
        ...reads.headers.filter((name) => !has('header', name)).map((name) => `header ${name}`),
      ].map((gap) => `${route.method} ${route.path}: ${gap}`);
    });
    expect(gaps).toEqual([]);
  });

  it('says what every operation does, under a lower-case tag', () => {
    const gaps = all.flatMap((route) => {
      const op = operation(route);
      const missing = [
        !op?.summary?.trim() && 'summary',
        !op?.description?.trim() && 'description',
        !op?.tags?.length && 'tag',
        ...(op?.tags ?? []).filter((tag) => tag !== tag.toLowerCase()).map((tag) => `lower-case tag (${tag})`),
      ].filter(Boolean);
      return missing.map((what) => `${route.method} ${route.path}: ${what}`);
    });
    expect(gaps).toEqual([]);
  });

  it('declares bearer security, and 401 and 403 problem answers, on every protected operation', () => {
    expect(Object.values(document.components.securitySchemes ?? {})).toContainEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    );
    const gaps = all.flatMap((route) => {
      const op = operation(route);
      if (findPolicy(POLICY, route.method, route.path)?.roles === 'public')
        return op?.security?.length === 0 ? [] : [`${route.method} ${route.path}: public but not marked so`];
      return [
        !op?.security?.length && 'security',
        ...['401', '403']
          .filter((status) => !op?.responses[status]?.content?.['application/problem+json'])
          .map((status) => `${status} problem`),
      ]
        .filter(Boolean)
        .map((what) => `${route.method} ${route.path}: ${what}`);
    });
    expect(gaps).toEqual([]);
  });

  it('gives every success answer a schema and every error answer the problem type', () => {
    const gaps = all.flatMap((route) => {
      const responses = Object.entries(operation(route)?.responses ?? {});
      const successes = responses.filter(([status]) => /^2\d\d$/.test(status));
      const withBody = successes.filter(([status]) => status !== '204');
      const failures = responses.filter(([status]) => /^[45]\d\d$/.test(status));
      return [
        ...(successes.length === 0 ? ['success answer'] : []),
        ...(withBody.some(([, answer]) => !Object.values(answer.content ?? {}).some((media) => media.schema && !bare(media.schema)))
          ? ['success schema']
          : []),
        ...failures.filter(([, answer]) => !answer.content?.['application/problem+json']).map(([status]) => `${status} as problem+json`),
      ].map((what) => `${route.method} ${route.path}: ${what}`);
    });
    expect(gaps).toEqual([]);
  });
});
