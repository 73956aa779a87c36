/**
 * The first requests of a page load, started when the entry script runs rather than when React gets to
 * them: the session check and the calendar at once, and the data of the page the address opens (the
 * dashboard's tiles, charts and table; a case's history, then its district's trail). The components take
 * these when they ask (hooks/useRemote.ts `prime`, api/early.ts); measured in `npm run bench -- web`.
 */
import { requestEarly } from './api/early';
import { historyKey, loadHistory, loadTrail, trailKey } from './hooks/useCases';
import { forgetPrimed, prime } from './hooks/useRemote';
import { loadTargets, targetsKey } from './hooks/useTargets';
import { chartAndTablePaths, FIRST_PERIOD, firstOrgUnit } from './pages/dashboard-reads.mts';
import type { User } from './session/session';

/**
 * The user's org unit as the last session check answered it (a code, not personal data): the dashboard's
 * tiles are asked for it beside the session check instead of after it. A wrong guess (another user on this
 * browser) costs one unused answer; the page asks for what the session says.
 */
const LAST_ORG_UNIT = 'last-org-unit';

const primeTiles = (ou: string) => void prime(targetsKey(ou, FIRST_PERIOD), () => loadTargets(ou, FIRST_PERIOD)).catch(() => undefined);

function openingReads(path: string, user: User): void {
  localStorage.setItem(LAST_ORG_UNIT, user.ou);
  if (path === '/app/dashboard') {
    primeTiles(firstOrgUnit(user));
    chartAndTablePaths(firstOrgUnit(user)).forEach(requestEarly);
    return;
  }
  const segment = /^\/app\/cases\/([^/]+)$/.exec(path)?.[1];
  if (segment) {
    const caseId = decodeURIComponent(segment);
    void prime(historyKey(caseId), () => loadHistory(caseId))
      .then((events) => {
        const district = (events[0]?.data as { districtCode?: string } | undefined)?.districtCode;
        if (district) void prime(trailKey(caseId, district), () => loadTrail(caseId, district)).catch(() => undefined);
        // A refused history (another district's case) is shown by the page, which takes the same promise.
      })
      .catch(() => undefined);
  }
}

/**
 * What the server named in the page for this user's opening route (apps/api's web-app-opening.ts): already
 * under way since the HTML arrived; asked here the same way, so that the browser hands over its preload
 * rather than asking again, and kept for the components as any early request.
 */
const preloaded = () =>
  [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')].map((link) => link.getAttribute('href')!);

/** `user`: the page's user when the server rendered its opening (its answers are in the page already). */
export function prefetch(user?: User): void {
  const path = window.location.pathname;
  if (user) return openingReads(path, user);
  preloaded().forEach(requestEarly);
  requestEarly('/calendar');
  const lastOrgUnit = localStorage.getItem(LAST_ORG_UNIT);
  if (path === '/app/dashboard' && lastOrgUnit) primeTiles(lastOrgUnit);
  requestEarly('/auth/session')
    .then(async (answer) => (answer.ok ? ((await answer.clone().json()) as { user?: User }) : undefined))
    // No session: the sign-in form comes first, and what was asked before it (the tiles' guess) is dropped,
    // so that the page asks again once signed in rather than showing an answer given to no one.
    .then((session) => (session?.user ? openingReads(path, session.user) : forgetPrimed()))
    // Only a head start: a failure here is met again, and shown, when the page asks itself.
    .catch(() => forgetPrimed());
}
