/**
 * Refusals in words: the API's problem `code` (its `detail` is English) named in the page's language, one file
 * per area under problems/. Every code the server answers with is named here but for the few no page can meet
 * (test/web/problem-words.unit.spec.ts holds the list, and fails on a server code left unnamed).
 */
import { accountabilityProblemsEn, accountabilityProblemsZhCN } from './problems/accountability';
import { householdProblemsEn, householdProblemsZhCN } from './problems/household';
import { loanProblemsEn, loanProblemsZhCN } from './problems/loans';
import { programmeProblemsEn, programmeProblemsZhCN } from './problems/programme';
import { readProblemsEn, readProblemsZhCN } from './problems/reads';
import { requestProblemsEn, requestProblemsZhCN } from './problems/request';

export const problemsZhCN = {
  ...householdProblemsZhCN,
  ...loanProblemsZhCN,
  ...accountabilityProblemsZhCN,
  ...programmeProblemsZhCN,
  ...readProblemsZhCN,
  ...requestProblemsZhCN,
};

export const problemsEn: Record<keyof typeof problemsZhCN, string> = {
  ...householdProblemsEn,
  ...loanProblemsEn,
  ...accountabilityProblemsEn,
  ...programmeProblemsEn,
  ...readProblemsEn,
  ...requestProblemsEn,
};

/** The areas one by one, for the test that no code is named twice (a spread would keep the last words silently). */
export const problemAreas = [
  householdProblemsZhCN,
  loanProblemsZhCN,
  accountabilityProblemsZhCN,
  programmeProblemsZhCN,
  readProblemsZhCN,
  requestProblemsZhCN,
];
