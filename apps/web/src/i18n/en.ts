/** The English catalogue: the same keys as zh-CN.ts (the type checker holds them together), area by area. */
import { casesEn } from './cases';
import { caseStateEn } from './case-state';
import { commonEn } from './common';
import { dashboardEn } from './dashboard';
import { fieldRulesEn } from './field-rules';
import { householdsEn } from './households';
import { indicatorsEn } from './indicators';
import { operationsEn } from './operations';
import { problemsEn } from './problems';
import { usersEn } from './users';
import type { MessageKey } from './zh-CN';

export const en: Record<MessageKey, string> = {
  ...commonEn,
  ...dashboardEn,
  ...indicatorsEn,
  ...casesEn,
  ...caseStateEn,
  ...householdsEn,
  ...operationsEn,
  ...usersEn,
  ...problemsEn,
  ...fieldRulesEn,
};
