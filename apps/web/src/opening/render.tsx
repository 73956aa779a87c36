/**
 * The server's render of a page's opening (state.ts), built by `vite build --ssr` into
 * dist/web/.server/ (vite.config.mts) and called by the API's web-app.ts, which never imports the app's
 * sources. The page's chunk is imported here, so nothing suspends; the render is synchronous, and the
 * answers it primes are taken by it and dropped before any other request's render can start.
 */
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { providePage } from '../App';
import { forgetPrimed, primeSettled } from '../hooks/useRemote';
import { DashboardPage } from '../pages/DashboardPage';
import { Root } from '../Root';
import { indicatorPath } from '../api/paths.mts';
import { FIRST_PERIOD, targetReads } from '../pages/dashboard-reads.mts';
import { OpeningState, openingSeeds, rendersAt } from './state';

providePage('DashboardPage', DashboardPage);

/** Whether the page at this path is rendered here (others only name their reads: apps/api's web-app-opening.ts). */
export const renders = rendersAt;

/** The page's first render as HTML (what goes inside #root), or undefined when it cannot be rendered here. */
export function renderOpening(state: OpeningState): string | undefined {
  const seeds = openingSeeds(state);
  if (!seeds) return undefined;
  try {
    seeds.primed.forEach(([key, data]) => primeSettled(key, data));
    const AtPath = ({ children }: { children: React.ReactNode }) => <StaticRouter location={state.path}>{children}</StaticRouter>;
    return renderToString(<Root seeds={seeds} router={AtPath} />);
  } finally {
    forgetPrimed();
  }
}

/** One render of an empty dashboard, at start: the first render (styles, compiled code) is many times the next. */
export function warmUp(): void {
  const empty = { rows: [], reflects: { position: null } };
  const answers: Record<string, unknown> = {
    '/auth/session': { user: { username: 'warm-up', roles: [], ou: '640100' }, csrfToken: '' },
    '/calendar': { timeZone: 'Asia/Shanghai' },
  };
  for (const read of Object.values(targetReads('640100', FIRST_PERIOD))) answers[indicatorPath(read.name, read.query)] = empty;
  renderOpening({ path: '/app/dashboard', lang: 'zh-CN', answers });
}
