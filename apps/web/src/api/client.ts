/**
 * The one way the app reaches the API: openapi-fetch typed by the generated schema (schema.d.ts, made from
 * the API's OpenAPI document by `npm run web:api-types`), same origin, the session cookie, and the CSRF
 * token on every write. `call` is the untyped door for answers the document does not describe yet.
 */
import createClient, { Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { takeEarly } from './early';

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let sessionEnded: (() => void) | null = null;
/** Told when an answer says the session this tab is signed in with has ended, so that the user signs in again. */
export function onSessionEnded(listener: (() => void) | null): void {
  sessionEnded = listener;
}

/**
 * A 401 to a request sent with this tab's live session (its CSRF token then, and still now): the session has ended
 * (idle too long, signed out in another tab, the account disabled). A request sent before signing in (an early
 * one) or after signing out says nothing of the session now.
 */
function checkSession(response: Response, sentWith: string | null): void {
  if (response.status === 401 && sentWith !== null && sentWith === csrfToken) sessionEnded?.();
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const sentWith = new WeakMap<Request, string | null>();
const csrf: Middleware = {
  onRequest({ request }) {
    if (!SAFE.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    if (!sentWith.has(request)) sentWith.set(request, csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    checkSession(response, sentWith.get(request) ?? null);
    return response;
  },
};

/** A GET the page already started (api/early.ts) is answered from there; anything else goes to fetch. */
const fetchOrEarly = (request: Request) => {
  const url = new URL(request.url);
  const early = request.method === 'GET' ? takeEarly(url.pathname + url.search) : undefined;
  if (early) sentWith.set(request, null); // sent before the session was known
  return early ?? fetch(request);
};

// No window on the server that renders a page's opening (opening/render.tsx), which never calls the API.
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '', credentials: 'same-origin', fetch: fetchOrEarly });
api.use(csrf);

/** An RFC 9457 problem as the API answers it. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  code?: string;
  detail?: string;
  /** The fields refused: `rule` names the check broken (worded by forms/field-error-words.ts); `message` is English. */
  errors?: { field: string; rule?: string; message: string }[];
}

export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly response: Response,
  ) {
    super(problem.detail ?? problem.title);
  }
}

export interface Answer<T> {
  data: T;
  response: Response;
}

/** A request the typed paths do not cover; throws ProblemError on 4xx/5xx. */
export async function call<T>(
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; accept?: string } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const early = method === 'GET' && !options.headers && !options.accept ? takeEarly(path) : undefined;
  const sent = early ? null : csrfToken;
  const response = await (early ??
    fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }));
  checkSession(response, sent);
  return { data: (await readBody(response)) as T, response };
}

/**
 * A download: a GET whose answer is kept as the bytes sent, never decoded and encoded again (decoding drops a
 * CSV's UTF-8 byte-order mark, which Excel needs to read Chinese). Throws ProblemError on 4xx/5xx.
 */
export async function callBytes(path: string, accept: string): Promise<Blob> {
  const sent = csrfToken;
  const response = await fetch(path, { headers: { accept }, credentials: 'same-origin' });
  checkSession(response, sent);
  if (!response.ok) await readBody(response); // throws the answer's problem
  return response.blob();
}

async function readBody(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  // application/json and application/problem+json; not application/x-ndjson (the export bundle is text).
  const body = response.status === 204 ? null : /\/([\w.-]+\+)?json\b/.test(type) ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = (
      typeof body === 'object' && body ? body : { title: String(body || response.statusText), status: response.status }
    ) as Problem;
    throw new ProblemError(problem, response);
  }
  return body;
}

/** Turns an openapi-fetch answer into its data, or throws its problem. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const problem = (
    result.error && typeof result.error === 'object' ? result.error : { title: result.response.statusText, status: result.response.status }
  ) as Problem;
  throw new ProblemError(problem, result.response);
}

/**
 * The same for a typed path whose answer the OpenAPI document does not describe yet (`content?: never`):
 * the path and its parameters are still checked against the document; the answer's shape is the caller's.
 */
export function unwrapAs<T>(result: { data?: unknown; error?: unknown; response: Response }): T {
  return unwrap(result) as T;
}
