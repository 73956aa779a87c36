/**
 * The first requests of a page load, started when the entry script runs rather than when React gets to
 * them: the session check and the calendar at once, and as soon as the session names a user, the data
 * of the page the address opens (the dashboard's indicators; a case's history, then its district's
 * trail). The components take these answers when they ask (api/early.ts); measured in `npm run bench -- web`.
 */
import { requestEarly } from './api/early';
import { caseTrailPath } from './hooks/useCases';
import type { HistoryEntry } from './hooks/types';
import { dashboardPaths } from './pages/dashboard-reads';
import type { User } from './session/session';

/** Reads the JSON of an early answer without taking its body from the component that will. */
const peek = async <T>(response: Promise<Response>): Promise<T | undefined> => {
  const answer = await response;
  return answer.ok ? ((await answer.clone().json()) as T) : undefined;
};

function openingReads(path: string, user: User): void {
  if (path === '/app/dashboard') {
    dashboardPaths(user).forEach(requestEarly);
    return;
  }
  const caseId = /^\/app\/cases\/([^/]+)$/.exec(path)?.[1];
  if (caseId) {
    const history = requestEarly(`/cases/${encodeURIComponent(decodeURIComponent(caseId))}/history`);
    void peek<{ events: HistoryEntry[] }>(history).then((answer) => {
      const district = (answer?.events[0]?.data as { districtCode?: string } | undefined)?.districtCode;
      if (district) requestEarly(caseTrailPath(district));
    });
  }
}

export function prefetch(): void {
  const path = window.location.pathname;
  requestEarly('/calendar');
  void peek<{ user: User }>(requestEarly('/auth/session'))
    .then((session) => session?.user && openingReads(path, session.user))
    // Only a head start: a failure here is met again, and shown, when the page asks itself.
    .catch(() => undefined);
}
