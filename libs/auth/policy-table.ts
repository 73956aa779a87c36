/**
 * Who may call which endpoint, in one table. A route the app registers without an entry here is denied
 * (403 `no-policy`), and test/access-routes.e2e.spec.ts lists every route and fails on the gap, so a
 * new endpoint is a deliberate line in one of its sections (policy-table/). Admins pass every protected entry (policy.ts).
 *
 * Public without a token: `/health` (probes), `/openapi.json` and `/docs` (the API's description holds no
 * data), `/audit/public-key` and `/audit/public-keys` (verifiers must get them without trusting us). `/metrics` needs an admin
 * token: operational figures are not for everyone, and Prometheus sends a bearer token.
 */
import { PolicyEntry } from './policy';
import { openSurfaces } from './policy-table/open-surfaces';
import { households } from './policy-table/households';
import { cases } from './policy-table/cases';
import { indicators } from './policy-table/indicators';
import { operations } from './policy-table/operations';

/** In this order: the first entry that matches wins (policy.ts), so each section lists specific paths before general ones. */
export const POLICY: readonly PolicyEntry[] = [...openSurfaces, ...households, ...cases, ...indicators, ...operations];
