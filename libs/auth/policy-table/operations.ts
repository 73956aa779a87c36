/** The policy table's entries for subscribers, reference data, accounts and administration (the table's rules: ../policy-table.ts). */
import { PolicyEntry } from '../policy';
import { ROLES } from '../principal';
import { city, none, own } from './scope-rules';

export const operations: readonly PolicyEntry[] = [
  // Subscribers: a district's (or township's) token receives only the events of streams inside it.
  {
    method: 'GET',
    path: '/feed/**',
    roles: ['subscriber', 'auditor'],
    scope: own,
    personal: true,
    why: 'redacted unless the token has the pii scope (auditors and admins see it: logged)',
  },
  {
    method: 'GET',
    path: '/consumer-groups',
    roles: ['subscriber', 'auditor'],
    scope: own,
    why: "the groups inside the caller's org unit, paged: what is defined and how far behind",
  },
  // Parked events are answered with their personal fields to a caller entitled to them (an auditor): logged.
  { method: 'GET', path: '/consumer-groups/**', roles: ['subscriber', 'auditor'], scope: own, personal: true, why: 'consumer groups' },
  { method: 'PUT', path: '/consumer-groups/**', roles: ['subscriber'], scope: own, why: 'consumer groups' },
  { method: 'POST', path: '/consumer-groups/**', roles: ['subscriber'], scope: own, why: 'claim, ack, nack, replay' },
  { method: 'DELETE', path: '/consumer-groups/**', roles: ['subscriber'], scope: own, why: 'consumer groups' },

  // Names of the reference data (org units, categories, departments...): no personal data, no place.
  { method: 'GET', path: '/org-units', roles: ROLES, scope: none, why: 'names for every signed-in role' },
  { method: 'GET', path: '/reference-data', roles: ROLES, scope: none, why: 'names for every signed-in role' },

  // Local user accounts.
  { method: 'GET', path: '/admin/users', roles: ['admin'], scope: city, why: 'accounts carry roles and scopes: administrators only' },
  { method: 'POST', path: '/admin/users', roles: ['admin'], scope: city, why: 'creating an account grants a role' },
  { method: 'POST', path: '/admin/users/:/**', roles: ['admin'], scope: city, why: 'passwords and disabling' },

  // Administration (projections, dead letters, keys).
  { method: 'GET', path: '/admin/registers/:', roles: ['admin'], scope: city, why: "the registers' versions and sources" },
  {
    method: 'POST',
    path: '/admin/registers/:',
    roles: ['admin'],
    scope: city,
    why: 'loads a register (households by village, enrolment targets): the denominators of the goals',
  },
  { method: 'GET', path: '/admin/**', roles: ['admin'], scope: city, why: 'operators' },
  { method: 'POST', path: '/admin/**', roles: ['admin'], scope: city, why: 'operators' },
  { method: 'PUT', path: '/admin/**', roles: ['admin'], scope: city, why: 'operators' },
  { method: 'DELETE', path: '/admin/**', roles: ['admin'], scope: city, why: 'operators' },
];
