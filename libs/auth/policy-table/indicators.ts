/** The policy table's entries for indicators, screenings and assessment (the table's rules: ../policy-table.ts). */
import { PolicyEntry } from '../policy';
import { screening, activity, city, none } from './scope-rules';

export const indicators: readonly PolicyEntry[] = [
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
];
