/** A household as its stream folds now, with its revision (the ETag a form sends back as If-Match). */
import { call } from '../api/client';
import { useRemote } from './useRemote';

export interface HouseholdView {
  householdId: string;
  status: string;
  villageCode: string;
  category: string;
  members?: number;
  revision: number;
  needs?: Record<string, unknown> | unknown[];
  services?: Record<string, unknown> | unknown[];
  certified?: boolean;
  certification?: unknown;
  head?: Record<string, unknown>;
  [field: string]: unknown;
}

export const useHousehold = (householdId: string | undefined) =>
  useRemote(
    householdId
      ? async () => {
          const { data, response } = await call<HouseholdView>('GET', `/households/${encodeURIComponent(householdId)}`);
          return { ...data, etag: response.headers.get('etag') ?? `"${data.revision}"` };
        }
      : null,
    `household:${householdId}`,
  );

/** A village's households: the list endpoint (cursor paged) where the API has it, else nothing. */
export const useVillageHouseholds = (village: string | undefined) =>
  useRemote(
    village
      ? async () => {
          const { data } = await call<{ items?: { householdId: string; category?: string; status?: string }[] }>(
            'GET',
            `/households?ou=${village}&limit=100`,
          );
          return data.items ?? [];
        }
      : null,
    `village:${village}`,
  );
