/** A household as its stream folds now, with its revision (the ETag a form sends back as If-Match). */
import { useState } from 'react';
import { api, call, unwrap } from '../api/client';
import type { components } from '../api/schema';
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

export interface ListedHousehold {
  householdId: string;
  villageCode: string;
  category: string;
  status: string;
  certified: boolean;
  members: number;
}

export interface HouseholdsPage {
  position: string | null;
  households: ListedHousehold[];
  next: string | null;
}

/** One page of `GET /households?ou=`: the first, or the one after `cursor` (the answer's `next`). */
export const loadHouseholdsUnder = async (ou: string, cursor?: string) => {
  const query = new URLSearchParams({ ou, limit: String(LISTED), ...(cursor && { cursor }) });
  return (await call<HouseholdsPage>('GET', `/households?${query}`)).data;
};

/** The households under an org unit (a village, or any unit above it): the first page of `GET /households?ou=`. */
export const useHouseholdsUnder = (ou: string | undefined) =>
  useRemote(ou ? () => loadHouseholdsUnder(ou) : null, `households-under:${ou}`);
export const LISTED = 100;

export type HouseholdLoan = components['schemas']['LoanListEntryDto'];

/** Whether a log position the API reported (`"7"`, `"7/7"`) is at or past another. */
export function reaches(reflected: string | null, wanted: string): boolean {
  if (reflected === null) return false;
  const [c1, p1 = c1] = reflected.split('/').map(BigInt);
  const [c2, p2 = c2] = wanted.split('/').map(BigInt);
  return c1 > c2 || (c1 === c2 && p1 >= p2);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A household's loans from `GET /loans?householdId=` (the loan register), with the log position they
 * reflect. `after(position)` reloads once the register has caught up with a command just sent (it is
 * a read model: a loan granted a moment ago may not be listed yet); it gives up after a few seconds and
 * shows what the register has, with its position, rather than wait forever.
 */
export function useHouseholdLoans(householdId: string | undefined) {
  const [wanted, setWanted] = useState<string>();
  const remote = useRemote(
    householdId
      ? async () => {
          for (let attempt = 0; ; attempt++) {
            // A household has a handful of loans; one page of the maximum size holds them all.
            const answer = unwrap(await api.GET('/loans', { params: { query: { householdId, limit: '1000' } } }));
            if (!wanted || reaches(answer.position, wanted) || attempt >= 20) return { position: answer.position, loans: answer.loans };
            await pause(250);
          }
        }
      : null,
    `loans:${householdId}:${wanted}`,
  );
  // Without a position (an answer that names none) there is nothing to wait for: reload as is.
  const after = (position: string | undefined) => (position ? setWanted(position) : remote.reload());
  return { ...remote, after };
}
