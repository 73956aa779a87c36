/** The auditor's reads: cases listed, one case's history, its state at a point, its verification and trail. */
import { api, call, unwrapAs } from '../api/client';
import { followPages } from './follow-pages';
import { CaseSummary, HistoryEntry, TrailEntry, Verdict } from './types';
import { useRemote } from './useRemote';

type CasePage = { position: string | null; recordedAt: string | null; cases: CaseSummary[]; next?: string | null };

/** The cases listed, and whether the list was cut at MAX_PAGES (the page then says so: CasesPage). */
export type CaseListing = CasePage & { truncated: boolean };

/**
 * Pages followed to the end: the page narrows the list by period itself (GET /cases has no period filter), so it
 * needs every case, not the first 100. Bounded, so that a city's whole history does not fill the browser.
 */
export const MAX_PAGES = 50;
const PAGE_SIZE = 1000;

export async function loadCases(params: string): Promise<CaseListing> {
  const query = (cursor?: string) => {
    const search = new URLSearchParams(params);
    search.set('limit', String(PAGE_SIZE));
    if (cursor) search.set('cursor', cursor);
    return `/cases?${search}`;
  };
  const read = async (cursor?: string) => (await call<CasePage>('GET', query(cursor))).data;
  const { first, items, next, truncated } = await followPages(read, (page) => page.cases, MAX_PAGES);
  return { ...first, cases: items, next, truncated };
}

export function useCases(filter: { district?: string; status?: string }) {
  const params = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => !!entry[1])).toString();
  return useRemote(() => loadCases(params), `cases?${params}`);
}

export const historyKey = (caseId: string) => `history:${caseId}`;
export const loadHistory = async (caseId: string) =>
  unwrapAs<{ events: HistoryEntry[] }>(await api.GET('/cases/{id}/history', { params: { path: { id: caseId } } })).events;
export const useCaseHistory = (caseId: string) => useRemote(() => loadHistory(caseId), historyKey(caseId));

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

/**
 * One case's trail (prefetch.ts asks for it too): asked for by subject, where the district's first thousand
 * entries narrowed on the page left a later case's trail empty.
 */
export const caseTrailPath = (caseId: string, district: string) =>
  `/audit/trail?aggregate=case&district=${district}&subject=${encodeURIComponent(caseId)}&limit=1000`;

export const trailKey = (caseId: string, district: string | undefined) => `trail:${caseId}:${district}`;
export async function loadTrail(caseId: string, district: string) {
  // The API narrows to the case (`subject`: the rows naming it and those of its stream); nothing is left to filter here.
  const { data } = await call<{ entries: TrailEntry[] }>('GET', caseTrailPath(caseId, district));
  return data.entries;
}
export const useCaseTrail = (caseId: string, district: string | undefined) =>
  useRemote(district ? () => loadTrail(caseId, district) : null, trailKey(caseId, district));
