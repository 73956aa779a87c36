/** The policy table's entries for open surfaces, personal data and pilot villages (the table's rules: ../policy-table.ts). */
import { PolicyEntry } from '../policy';
import { household, city, none } from './scope-rules';

export const openSurfaces: readonly PolicyEntry[] = [
  // Open surfaces.
  { method: 'GET', path: '/health', roles: 'public', scope: none, why: 'liveness and readiness probes carry no token' },
  { method: 'GET', path: '/openapi.json', roles: 'public', scope: none, why: 'the API description holds no data' },
  { method: 'GET', path: '/docs/**', roles: 'public', scope: none, why: 'the browsable API description' },
  { method: 'GET', path: '/audit/public-key', roles: 'public', scope: none, why: 'verifiers must not have to trust the service' },
  {
    method: 'GET',
    path: '/audit/public-keys',
    roles: 'public',
    scope: none,
    why: "the keys' history: old checkpoints verify after a rotation",
  },
  {
    method: 'GET',
    path: '/calendar',
    roles: 'public',
    scope: none,
    why: "the programme's time zone is no data; the page needs it before anyone signs in, beside the session check",
  },
  { method: 'GET', path: '/asyncapi.json', roles: 'public', scope: none, why: 'the description of what subscribers receive holds no data' },
  { method: 'GET', path: '/schemas/events', roles: 'public', scope: none, why: 'published event schemas describe shapes, never data' },
  { method: 'GET', path: '/schemas/events/:/:', roles: 'public', scope: none, why: 'published event schemas describe shapes, never data' },
  { method: 'POST', path: '/auth/sessions', roles: 'public', scope: none, why: 'signing in: checks the password itself (throttled)' },
  { method: 'GET', path: '/auth/session', roles: 'public', scope: none, why: 'answers from the session cookie itself (401 without one)' },
  {
    method: 'DELETE',
    path: '/auth/session',
    roles: 'public',
    scope: none,
    why: 'signing out: checks the cookie and its CSRF token itself',
  },
  { method: 'GET', path: '/metrics', roles: ['admin'], scope: city, why: 'operational figures; Prometheus sends a bearer token' },

  // Personal data: crypto-shredding and restriction (apps/api/src/privacy).
  {
    method: 'POST',
    path: '/households/:/erasure',
    roles: ['admin'],
    scope: household,
    why: 'destroys the household key; needs a legal basis',
  },
  {
    method: 'POST',
    path: '/households/:/restriction',
    roles: ['admin'],
    scope: household,
    why: 'storage-only: auditors with a purpose only',
  },
  { method: 'DELETE', path: '/households/:/restriction', roles: ['admin'], scope: household, why: 'lifts a restriction' },
  { method: 'GET', path: '/privacy/access-log', roles: ['auditor'], scope: city, why: 'who read personal data, and why' },

  // Pilot villages: the township's decision, recorded by the registrars of its area (apps/api/src/commands/pilot-villages).
  {
    method: 'POST',
    path: '/pilot-villages',
    roles: ['registrar'],
    scope: { kind: 'body', fields: ['villageCode'] },
    why: "designation, in the registrar's area",
  },
  {
    method: 'POST',
    path: '/pilot-villages/withdrawals',
    roles: ['registrar'],
    scope: { kind: 'body', fields: ['villageCode'] },
    why: "withdrawal, in the registrar's area",
  },
  {
    method: 'GET',
    path: '/pilot-villages/:',
    roles: ['registrar', 'analyst', 'supervisor', 'auditor'],
    scope: city,
    why: 'whether a village is a pilot: no personal data (whole-city tokens; the indicators answer per area)',
  },
];
