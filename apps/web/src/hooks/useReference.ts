/**
 * The org-unit tree, the reference data's names (both languages) and the indicator catalogue: loaded once
 * per page and shared by every component that names things (each asking on its own tripled the calls).
 */
import { call } from '../api/client';
import { OrgUnit, ReferenceData } from './types';
import { useRemote } from './useRemote';

const once = <T>(load: () => Promise<T>) => {
  let promise: Promise<T> | undefined;
  return () =>
    (promise ??= load().catch((error) => {
      promise = undefined; // a failure is asked again next time, not remembered
      throw error;
    }));
};

const orgUnits = once(async () => (await call<{ items: OrgUnit[] }>('GET', '/org-units')).data.items);
const referenceData = once(async () => (await call<ReferenceData>('GET', '/reference-data')).data);

export const useOrgUnits = () => useRemote(orgUnits, 'org-units');
export const useReferenceData = () => useRemote(referenceData, 'reference-data');
export { once };
