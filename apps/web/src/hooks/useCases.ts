/** The auditor's reads: cases listed, one case's history, its state at a point, its verification and trail. */
import { api, call, unwrapAs } from '../api/client';
import { CaseSummary, HistoryEntry, TrailEntry, Verdict } from './types';
import { useRemote } from './useRemote';

export function useCases(filter: { district?: string; status?: string }) {
  const params = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => !!entry[1])).toString();
  return useRemote(
    async () => (await call<{ position: string | null; cases: CaseSummary[] }>('GET', `/cases${params ? `?${params}` : ''}`)).data,
    `cases?${params}`,
  );
}

export const useCaseHistory = (caseId: string) =>
  useRemote(
    async () => unwrapAs<{ events: HistoryEntry[] }>(await api.GET('/cases/{id}/history', { params: { path: { id: caseId } } })).events,
    `history:${caseId}`,
  );

export type ReplayPoint = { asOf: string } | { occurredAsOf: string } | { revision: string };

export function useCaseAt(caseId: string, point: ReplayPoint | null) {
  const search = point ? new URLSearchParams(point as Record<string, string>).toString() : '';
  return useRemote(
    point
      ? async () => (await call<{ state: unknown; revision?: number }>('GET', `/cases/${encodeURIComponent(caseId)}?${search}`)).data
      : null,
    `at:${caseId}:${search}`,
  );
}

export const verifyCase = async (caseId: string) =>
  unwrapAs<Verdict>(await api.GET('/cases/{id}/verify', { params: { path: { id: caseId } } }));

/** The district's case trail, which the page narrows to one case (prefetch.ts asks for it too). */
export const caseTrailPath = (district: string) => `/audit/trail?aggregate=case&district=${district}&limit=1000`;

export const useCaseTrail = (caseId: string, district: string | undefined) =>
  useRemote(
    district
      ? async () => {
          const { data } = await call<{ entries: TrailEntry[] }>('GET', caseTrailPath(district));
          return data.entries.filter((entry) => entry.subjectId === caseId || entry.stream === `case-${caseId}`);
        }
      : null,
    `trail:${caseId}:${district}`,
  );
