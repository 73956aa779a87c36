/** The policy table's entries for households, loans and support (the table's rules: ../policy-table.ts). */
import { PolicyEntry } from '../policy';
import { household, loan, support } from './scope-rules';

export const households: readonly PolicyEntry[] = [
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
];
