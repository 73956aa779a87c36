/** The scope rules most entries of the policy table share (policy.ts says what each kind checks). */
import { ScopeRule } from '../policy';

export const household: ScopeRule = { kind: 'aggregate', aggregate: 'household' };
export const loan: ScopeRule = { kind: 'aggregate', aggregate: 'loan' };
export const support: ScopeRule = { kind: 'aggregate', aggregate: 'support' };
export const caseScope: ScopeRule = { kind: 'aggregate', aggregate: 'case' };
export const screening: ScopeRule = { kind: 'aggregate', aggregate: 'screening' };
export const activity: ScopeRule = { kind: 'aggregate', aggregate: 'activity' };
export const city: ScopeRule = { kind: 'city' };
export const none: ScopeRule = { kind: 'none' };
export const own: ScopeRule = { kind: 'own' };
