/** The org-unit tree and the reference data's names (both languages), loaded once per session. */
import { call } from '../api/client';
import { OrgUnit, ReferenceData } from './types';
import { useRemote } from './useRemote';

export const useOrgUnits = () => useRemote(async () => (await call<{ items: OrgUnit[] }>('GET', '/org-units')).data.items, 'org-units');
export const useReferenceData = () => useRemote(async () => (await call<ReferenceData>('GET', '/reference-data')).data, 'reference-data');
