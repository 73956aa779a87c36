/**
 * A page's opening rendered on the server: the API's web-app.ts reads the route's opening reads
 * (opening-reads.mts) from the public API with the browser's own cookie, and writes the answers into the
 * page beside the render made from them (render.tsx). The browser then shows the figures as the HTML
 * arrives, and hydrates the same render from the same answers (start.tsx), asking none of them again.
 * The answers are the API's own, under the same policy, scope and suppression as any request of this user.
 */
import { indicatorPath } from '../api/paths.mts';
import type { Lang } from '../i18n/i18n';
import { IndicatorAnswer } from '../hooks/types';
import { TargetAnswers, targetsFrom, targetsKey } from '../hooks/useTargets';
import { FIRST_PERIOD, firstOrgUnit, targetReads } from '../pages/dashboard-reads.mts';
import type { SessionAnswer } from '../session/session';

/** What the server writes into the page: the path rendered, its language, and each read's answer (200s only). */
export interface OpeningState {
  path: string;
  lang: Lang;
  answers: Record<string, unknown>;
}

/** What the first render starts from: the session, the zone, the language, and the page's data by key. */
export interface OpeningSeeds {
  session: SessionAnswer;
  timeZone: string;
  lang: Lang;
  primed: [string, unknown][];
}

export { OPENING_STATE_ID } from './state-id';

/** The seeds, or undefined when an answer the page needs is missing (then it loads as any other page). */
export function openingSeeds(state: OpeningState): OpeningSeeds | undefined {
  const session = state.answers['/auth/session'] as SessionAnswer | undefined;
  const timeZone = (state.answers['/calendar'] as { timeZone?: string } | undefined)?.timeZone;
  if (!session?.user || !timeZone) return undefined;
  const primed = primedFor(state, session);
  return primed && { session, timeZone, lang: state.lang, primed };
}

/** Whether the page at this path can be rendered from its opening's answers (the dashboard only: measured). */
export const rendersAt = (path: string): boolean => path === '/app/dashboard';

function primedFor(state: OpeningState, session: SessionAnswer): [string, unknown][] | undefined {
  if (!rendersAt(state.path)) return undefined;
  const ou = firstOrgUnit(session.user);
  const reads = Object.entries(targetReads(ou, FIRST_PERIOD));
  const answers = reads.map(([tile, read]) => [tile, state.answers[indicatorPath(read.name, read.query)] as IndicatorAnswer]);
  if (answers.some(([, answer]) => answer === undefined)) return undefined;
  return [[targetsKey(ou, FIRST_PERIOD), targetsFrom(Object.fromEntries(answers) as TargetAnswers)]];
}
