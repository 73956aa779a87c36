/** What a household received under the support programmes (GET /households/{id}/support, from a read model). */
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useRemote } from './useRemote';

export type HouseholdSupport = components['schemas']['HouseholdSupportAnswer'];
export type HouseholdSupportItem = components['schemas']['HouseholdSupportItem'];

export const useHouseholdSupport = (householdId: string | undefined) =>
  useRemote(
    householdId ? async () => unwrap(await api.GET('/households/{id}/support', { params: { path: { id: householdId } } })) : null,
    `household-support:${householdId}`,
  );
