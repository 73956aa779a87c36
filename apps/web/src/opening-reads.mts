/**
 * What a page the address opens reads for its first render, as templates the server fills in for the
 * signed-in user when it serves the page (apps/api's web-app-opening.ts): the build writes them, with the
 * page's script chunks, to dist/web/.opening.json (vite.config.mts). The server names them in the page as
 * `<link rel="preload">`, so the browser asks for them as the HTML arrives rather than once this app's
 * script has run; prefetch.ts then takes those answers. They are the public API's paths, asked by the
 * browser with the user's own cookie: the server only says which, the API still decides what each answers.
 */
import { indicatorPath } from './api/paths.mts';
import { FIRST_PERIOD, targetReads } from './pages/dashboard-reads.mts';

/** Stands for the signed-in user's org unit (URL-safe as it is: no encoding changes it). */
export const USER_OU = '__ou__';
/** Stands for the path's first captured segment (the case's id). */
export const PATH_SEGMENT = '__1__';

export interface OpeningRoute {
  /** A regular expression of the address's path; its first group is `PATH_SEGMENT`. */
  path: string;
  /** The chunk of the page (App.tsx's lazy pages), whose files the build adds as `modules`. */
  page: string;
  reads: string[];
}

/** The session check and the calendar come first on every page (App renders nothing before them). */
const EVERY_PAGE = ['/auth/session', '/calendar'];

export const OPENING_ROUTES: OpeningRoute[] = [
  {
    path: '^/app/dashboard$',
    page: 'DashboardPage',
    // The tiles only: the charts and the table are asked once the session answers, behind them.
    reads: [...EVERY_PAGE, ...Object.values(targetReads(USER_OU, FIRST_PERIOD)).map((read) => indicatorPath(read.name, read.query))],
  },
  { path: '^/app/cases/([^/]+)$', page: 'CasePage', reads: [...EVERY_PAGE, `/cases/${PATH_SEGMENT}/history`] },
];
