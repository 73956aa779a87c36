/**
 * The shape of the access policy and how a route finds its entry. Entries match the route *template*
 * Nest registered (`/households/:id/needs`), not the URL, so an id can never select a different rule.
 *
 * Pattern segments: a literal matches itself; `:` matches a parameter segment (`:id`, `:name`); `*`
 * matches any one segment; `**` (last only) matches the rest, including nothing. The first entry that
 * matches wins, so the table lists specific rules before general ones. No entry, no access.
 */
import { Role } from './principal';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The aggregates a path can name whose place the scope check looks up (apps/api/src/auth/org-unit-resolver.ts). */
export type AggregateKind = 'household' | 'loan' | 'case' | 'screening' | 'activity' | 'support';

/** Where the org unit of a request comes from; scoped tokens may act only inside their subtree. */
export type ScopeRule =
  /** The answer depends on no place (a list of definitions, a public key). */
  | { kind: 'none' }
  /** Spans the whole city (admin operations, the raw log): whole-city tokens only. */
  | { kind: 'city' }
  /** Any scope: the answer holds only what lies inside the caller's org unit (the feed filters by the token's). */
  | { kind: 'own' }
  /** A creation names its place in the body: the first of these fields that is present. */
  | { kind: 'body'; fields: readonly string[] }
  /** A creation names an existing household in the body (a loan for it). */
  | { kind: 'body-household'; field: string }
  /** A query names its place (`?ou=`, `?district=`); absent means the caller's own org unit (the city for a city-wide token). */
  | { kind: 'query'; param: string }
  /** The path names an aggregate; its place comes from its stream. Outside the scope: 404. */
  | { kind: 'aggregate'; aggregate: AggregateKind }
  /** The path's segment at this index is an org-unit code (`/supervision/640104/...`). */
  | { kind: 'path-ou'; segment: number }
  /**
   * The path names a case: inside the scope as an aggregate, or the token belongs to the case's subject unit
   * (a township's token lies below the case's district, yet it is the unit that reports). Else 404.
   */
  | { kind: 'case-or-its-unit' };

/** How a provider's department is checked against the token's `department` claim. */
export type DepartmentRule = { from: 'body'; field: string } | { from: 'delivered-service' };

export interface PolicyEntry {
  method: HttpMethod;
  path: string;
  /** 'public' needs no token. Admins pass every non-public entry (see allowedRoles). */
  roles: readonly Role[] | 'public';
  scope: ScopeRule;
  /** Applies when access is granted through the provider role. */
  department?: DepartmentRule;
  /**
   * The body field in which a creation may choose the new aggregate's id. Only whole-city callers may: a
   * scoped caller naming an id taken in another district would be told it exists (409 against 201).
   */
  chosenId?: string;
  /** Answers carry personal data: an auditor's or admin's read is written to the access log. */
  personal?: boolean;
  /** Indicator rows: cells with a small denominator are withheld from analysts. */
  suppressSmallCells?: boolean;
  /** Why the rule is what it is, for the generated policy document. */
  why: string;
}

export function matchesPath(pattern: string, template: string): boolean {
  const want = segments(pattern);
  const have = segments(template);
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '**') return i === want.length - 1;
    if (i >= have.length) return false;
    if (want[i] === '*') continue;
    if (want[i] === ':') {
      if (!have[i].startsWith(':')) return false;
      continue;
    }
    if (want[i] !== have[i]) return false;
  }
  return want.length === have.length;
}

function segments(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

export function findPolicy(table: readonly PolicyEntry[], method: string, template: string): PolicyEntry | undefined {
  const upper = method.toUpperCase();
  // HEAD is answered by the GET route in Express, so it follows the GET rule.
  const effective = upper === 'HEAD' ? 'GET' : upper;
  return table.find((entry) => entry.method === effective && matchesPath(entry.path, template));
}

/** The roles an entry grants, with admin added: the administrator may use every protected endpoint. */
export function allowedRoles(entry: PolicyEntry): readonly Role[] {
  if (entry.roles === 'public') return [];
  return entry.roles.includes('admin') ? entry.roles : [...entry.roles, 'admin'];
}
