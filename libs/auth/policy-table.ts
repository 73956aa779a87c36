/**
 * Who may call which endpoint, in one table. A route the app registers without an entry here is denied
 * (403 `no-policy`), and test/access-routes.e2e.spec.ts lists every route and fails on the gap, so a
 * new endpoint is a deliberate line in this file. Admins pass every protected entry (policy.ts).
 *
 * Public without a token: `/health` (probes), `/openapi.json` and `/docs` (the API's description holds no
 * data), `/audit/public-key` and `/audit/public-keys` (verifiers must get them without trusting us). `/metrics` needs an admin
 * token: operational figures are not for everyone, and Prometheus sends a bearer token.
 */
import { PolicyEntry, ScopeRule } from './policy';
import { ROLES } from './principal';

const household: ScopeRule = { kind: 'aggregate', aggregate: 'household' };
const loan: ScopeRule = { kind: 'aggregate', aggregate: 'loan' };
const support: ScopeRule = { kind: 'aggregate', aggregate: 'support' };
const caseScope: ScopeRule = { kind: 'aggregate', aggregate: 'case' };
const screening: ScopeRule = { kind: 'aggregate', aggregate: 'screening' };
const activity: ScopeRule = { kind: 'aggregate', aggregate: 'activity' };
const city: ScopeRule = { kind: 'city' };
const none: ScopeRule = { kind: 'none' };
const own: ScopeRule = { kind: 'own' };

export const POLICY: readonly PolicyEntry[] = [
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

  // Households: registrars keep the register, providers record what they delivered.
  {
    method: 'POST',
    path: '/households',
    roles: ['registrar'],
    scope: { kind: 'body', fields: ['villageCode'] },
    chosenId: 'householdId',
    why: "enrolment, in the registrar's area",
  },
  { method: 'POST', path: '/households/:/recategorization', roles: ['registrar'], scope: household, why: 'registrar' },
  { method: 'POST', path: '/households/:/withdrawal', roles: ['registrar'], scope: household, why: 'registrar' },
  { method: 'POST', path: '/households/:/needs', roles: ['registrar'], scope: household, why: 'registrar' },
  { method: 'POST', path: '/households/:/needs/**', roles: ['registrar'], scope: household, why: 'registrar' },
  {
    method: 'POST',
    path: '/households/:/services',
    roles: ['provider'],
    scope: household,
    department: { from: 'body', field: 'departmentCode' },
    why: 'a provider delivers for its own department',
  },
  {
    method: 'POST',
    path: '/households/:/services/:/satisfaction',
    roles: ['provider'],
    scope: household,
    department: { from: 'delivered-service' },
    why: 'rated by the department that delivered',
  },
  {
    method: 'POST',
    path: '/households/:/certification',
    roles: ['supervisor'],
    scope: household,
    why: 'certification is an assessment of the supervisors',
  },
  { method: 'POST', path: '/households/:/certification/**', roles: ['supervisor'], scope: household, why: 'revocation' },
  { method: 'DELETE', path: '/households/:/certification', roles: ['supervisor'], scope: household, why: 'revocation' },
  {
    method: 'GET',
    path: '/households',
    roles: ['registrar', 'supervisor', 'auditor'],
    scope: { kind: 'query', param: 'ou' },
    personal: true,
    why: "lists within the caller's area",
  },
  {
    method: 'GET',
    path: '/households/:/support',
    roles: ['registrar', 'provider', 'loan-officer', 'supervisor', 'auditor'],
    scope: household,
    why: 'what the household received (programmes, amounts, units): its page, for the staff who serve it',
  },
  {
    method: 'GET',
    path: '/households/:',
    roles: ['registrar', 'provider', 'loan-officer', 'supervisor', 'auditor'],
    scope: household,
    personal: true,
    why: 'field staff read the households they serve',
  },
  {
    method: 'GET',
    path: '/households/:/**',
    roles: ['registrar', 'provider', 'loan-officer', 'supervisor', 'auditor'],
    scope: household,
    personal: true,
    why: 'history, replay, verification',
  },

  // Loans.
  {
    method: 'POST',
    path: '/loans',
    roles: ['loan-officer'],
    scope: { kind: 'body-household', field: 'householdId' },
    chosenId: 'loanId',
    why: "a loan to a household in the officer's area",
  },
  { method: 'POST', path: '/loans/:/**', roles: ['loan-officer'], scope: loan, why: 'repayments, default, recovery' },
  {
    method: 'GET',
    path: '/loans',
    roles: ['loan-officer', 'auditor'],
    scope: { kind: 'query', param: 'ou' },
    personal: true,
    why: "loan officers and auditors; `householdId` narrows to one household within the caller's `ou`",
  },
  {
    method: 'GET',
    path: '/loans/:',
    roles: ['loan-officer', 'supervisor', 'auditor'],
    scope: loan,
    personal: true,
    why: 'default reasons may be personal',
  },
  {
    method: 'GET',
    path: '/loans/:/**',
    roles: ['loan-officer', 'supervisor', 'auditor'],
    scope: loan,
    personal: true,
    why: 'history, verification',
  },

  // Support handed out (incentive payments, funds, donated goods): the family-planning registrars record it.
  {
    method: 'POST',
    path: '/support',
    roles: ['registrar'],
    scope: { kind: 'body-household', field: 'householdId' },
    chosenId: 'supportId',
    why: "support to a household in the registrar's area",
  },
  { method: 'POST', path: '/support/:/**', roles: ['registrar'], scope: support, why: 'deliveries, returns, reversal' },
  {
    method: 'GET',
    path: '/support/:',
    roles: ['registrar', 'provider', 'loan-officer', 'supervisor', 'auditor'],
    scope: support,
    why: 'what one grant stands at (amounts and codes; no reason)',
  },

  // Supervision and accountability.
  {
    method: 'POST',
    path: '/cases',
    roles: ['supervisor'],
    scope: { kind: 'body', fields: ['districtCode', 'district'] },
    chosenId: 'caseId',
    why: 'a supervisor opens cases in their district',
  },
  {
    method: 'POST',
    path: '/cases/:/report-rectification',
    roles: ['supervisor', 'registrar', 'provider'],
    scope: { kind: 'case-or-its-unit' },
    why: "the unit under the case reports with its own token, a township's registrar or a department's provider acting as subject-unit; never its supervisor's",
  },
  { method: 'POST', path: '/cases/:/**', roles: ['supervisor'], scope: caseScope, why: 'supervision and accountability actions' },
  {
    method: 'GET',
    path: '/cases',
    roles: ['supervisor', 'auditor'],
    scope: { kind: 'query', param: 'district' },
    why: "within the caller's area",
  },
  // A case's state and history hold its evidence, report and reasons, decrypted: an auditor's read is logged.
  {
    method: 'GET',
    path: '/cases/:',
    roles: ['supervisor', 'auditor'],
    scope: caseScope,
    personal: true,
    why: 'state, as of a time or revision',
  },
  {
    method: 'GET',
    path: '/cases/:/**',
    roles: ['supervisor', 'auditor'],
    scope: caseScope,
    personal: true,
    why: 'history, verify, export',
  },
  {
    method: 'POST',
    path: '/supervision/city/bulletins',
    roles: ['supervisor'],
    scope: city,
    why: "the city office issues the city's bulletin: a supervisor whose token spans the city (a district's supervisor is refused)",
  },
  {
    method: 'GET',
    path: '/supervision/city/bulletins/**',
    roles: ['supervisor', 'auditor'],
    scope: none,
    why: "the city's bulletin is circulated to every district: aggregate figures per district, unit codes, no personal data",
  },
  {
    method: 'POST',
    path: '/supervision/:/bulletins',
    roles: ['supervisor'],
    scope: { kind: 'path-ou', segment: 1 },
    why: "the district's supervisor issues its bimonthly bulletin; the pack is generated from the log",
  },
  {
    method: 'GET',
    path: '/supervision/:/bulletins/**',
    roles: ['supervisor', 'auditor'],
    scope: { kind: 'path-ou', segment: 1 },
    why: "a district's bulletins and their documents (aggregate figures, unit codes, no personal data)",
  },
  {
    method: 'POST',
    path: '/supervision/:/**',
    roles: ['supervisor'],
    scope: { kind: 'path-ou', segment: 1 },
    why: 'visits and bulletins of a district',
  },
  { method: 'POST', path: '/supervision/**', roles: ['supervisor'], scope: city, why: 'city-wide supervision (assignments)' },
  { method: 'PUT', path: '/supervision/**', roles: ['supervisor'], scope: city, why: 'assignments' },
  {
    method: 'GET',
    path: '/supervision/:/**',
    roles: ['supervisor', 'auditor'],
    scope: { kind: 'path-ou', segment: 1 },
    why: "a district's supervision",
  },
  { method: 'GET', path: '/supervision/**', roles: ['supervisor', 'auditor'], scope: city, why: 'compliance across districts' },
  { method: 'POST', path: '/responsibilities/**', roles: ['supervisor'], scope: city, why: 'decomposition of the work to named officials' },
  { method: 'GET', path: '/responsibilities/**', roles: ['supervisor', 'auditor'], scope: city, why: 'who answers for what' },
  {
    method: 'GET',
    path: '/audit/checkpoints/**',
    roles: ['auditor', 'witness'],
    scope: city,
    why: 'witnesses follow the signed checkpoints (no personal data in them)',
  },
  { method: 'GET', path: '/audit/**', roles: ['auditor'], scope: city, personal: true, why: 'auditor surfaces across the log' },
  {
    method: 'POST',
    path: '/audit/checkpoints/:/cosignatures',
    roles: ['witness'],
    scope: city,
    why: 'a witness cosigns a checkpoint; checked before kept',
  },
  { method: 'POST', path: '/audit/**', roles: ['admin'], scope: city, why: 'signing a checkpoint is a write; auditors only read' },

  // Indicators: no personal data; small cells withheld from analysts.
  { method: 'GET', path: '/indicators', roles: ['analyst', 'supervisor', 'auditor'], scope: none, why: 'definitions only' },
  {
    method: 'POST',
    path: '/activities',
    roles: ['provider', 'registrar'],
    scope: { kind: 'body', fields: ['orgUnitCode'] },
    chosenId: 'activityId',
    why: 'department and centre staff record the activities held in their area',
  },
  {
    method: 'POST',
    path: '/activities/:/**',
    roles: ['provider', 'registrar'],
    scope: activity,
    why: 'corrections and cancellations, by the staff of the org unit it was held in (or above)',
  },
  {
    method: 'GET',
    path: '/activities/:',
    roles: ['provider', 'registrar', 'supervisor', 'auditor', 'analyst'],
    scope: activity,
    why: "one activity as recorded (counts, no personal data), within the caller's area",
  },
  // The birth-defect screening chain (apps/api/src/screenings): health data of named people, kept to their area.
  {
    method: 'POST',
    path: '/screenings',
    roles: ['provider', 'registrar'],
    scope: { kind: 'body', fields: ['villageCode'] },
    chosenId: 'screeningId',
    why: 'health and field staff register the couples and pregnant women of their area',
  },
  {
    method: 'POST',
    path: '/screenings/:/erasure',
    roles: ['admin'],
    scope: screening,
    why: "destroys the record's key; needs a legal basis",
  },
  {
    method: 'POST',
    path: '/screenings/:/**',
    roles: ['provider', 'registrar'],
    scope: screening,
    why: 'checks, tests, screenings, findings, counselling and outcome: staff of the area',
  },
  {
    method: 'GET',
    path: '/screenings/:',
    roles: ['provider', 'registrar', 'supervisor', 'auditor'],
    scope: screening,
    personal: true,
    why: 'where a record stands in the chain (a high-risk finding is health data): staff of the area',
  },
  {
    method: 'GET',
    path: '/dhis2/dataValueSets',
    roles: ['analyst', 'supervisor', 'auditor'],
    scope: { kind: 'query', param: 'ou' },
    why: "DHIS2 exchange of the indicators, within the caller's area (small cells withheld in the controller)",
  },
  {
    method: 'GET',
    path: '/dhis2/analytics',
    roles: ['analyst', 'supervisor', 'auditor'],
    scope: none,
    why: "DHIS2 analytics; org units in its dimensions are checked against the caller's area in the controller",
  },
  {
    method: 'GET',
    path: '/indicators/**',
    roles: ['analyst', 'supervisor', 'auditor'],
    scope: { kind: 'query', param: 'ou' },
    suppressSmallCells: true,
    why: "within the caller's area",
  },
  // Assessment (apps/api/src/assessment): the scorecard ranks every district or department against the others.
  {
    method: 'GET',
    path: '/assessment/scores',
    roles: ['analyst', 'supervisor', 'auditor'],
    scope: city,
    why: 'a ranking of all districts or departments: whole-city tokens only; no personal data',
  },
  { method: 'GET', path: '/assessment/schemes', roles: ['analyst', 'supervisor', 'auditor'], scope: none, why: 'definitions only' },
  { method: 'GET', path: '/assessment/schemes/:', roles: ['analyst', 'supervisor', 'auditor'], scope: none, why: 'definitions only' },
  {
    method: 'POST',
    path: '/assessment/schemes',
    roles: ['admin'],
    scope: city,
    why: "loads a scheme version: what every unit's score is weighed by",
  },
  { method: 'GET', path: '/reporting/**', roles: ['analyst', 'auditor'], scope: city, suppressSmallCells: true, why: 'reporting views' },

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
