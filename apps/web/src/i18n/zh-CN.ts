/**
 * The message catalogue, Chinese first: every label the app shows comes from here (or en.ts), one file per
 * area of the app, each with its English beside it.
 */
import { casesZhCN } from './cases';
import { caseStateZhCN } from './case-state';
import { commonZhCN } from './common';
import { dashboardZhCN } from './dashboard';
import { fieldRulesZhCN } from './field-rules';
import { householdsZhCN } from './households';
import { indicatorsZhCN } from './indicators';
import { operationsZhCN } from './operations';
import { problemsZhCN } from './problems';
import { usersZhCN } from './users';

/** The areas one by one, for the test that no key is named twice (a spread would keep the last words silently). */
export const messageAreas = [
  commonZhCN,
  dashboardZhCN,
  indicatorsZhCN,
  casesZhCN,
  caseStateZhCN,
  householdsZhCN,
  operationsZhCN,
  usersZhCN,
  problemsZhCN,
  fieldRulesZhCN,
] as const;

export const zhCN = {
  ...commonZhCN,
  ...dashboardZhCN,
  ...indicatorsZhCN,
  ...casesZhCN,
  ...caseStateZhCN,
  ...householdsZhCN,
  ...operationsZhCN,
  ...usersZhCN,
  ...problemsZhCN,
  ...fieldRulesZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
