/** Which journeys a user's roles open, and where each lands first. */
import type { MessageKey } from '../i18n/i18n';
import { can, User } from '../session/session';

export interface Journey {
  path: string;
  label: MessageKey;
  roles: string[];
}

export const JOURNEYS: Journey[] = [
  { path: '/app/dashboard', label: 'nav.dashboard', roles: ['analyst'] },
  { path: '/app/cases', label: 'nav.cases', roles: ['auditor', 'supervisor'] },
  { path: '/app/compliance', label: 'nav.compliance', roles: ['supervisor'] },
  { path: '/app/households', label: 'nav.households', roles: ['registrar', 'provider', 'loan-officer'] },
  { path: '/app/operations', label: 'nav.operations', roles: [] },
  { path: '/app/users', label: 'nav.users', roles: [] },
];

export const journeysOf = (user: User | null) => JOURNEYS.filter((journey) => can(user, ...journey.roles));
export const homeOf = (user: User | null) => journeysOf(user)[0]?.path ?? '/app/dashboard';
