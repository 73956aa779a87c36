import { ResponsibilityAssigned } from './events';

export type ResponsibilityState = { status: 'NotAssigned' } | ({ status: 'Assigned' } & ResponsibilityAssigned['data']);

export const initialResponsibilityState: ResponsibilityState = { status: 'NotAssigned' };
