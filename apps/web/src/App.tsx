/** Ant Design in the language in force, the sign-in gate, and one route per journey under /app. */
import { ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { forgetEarly } from './api/early';
import { forgetPrimed } from './hooks/useRemote';
import { AppLayout } from './components/AppLayout';
import { useI18n } from './i18n/i18n';
import { homeOf } from './components/navigation';
import { useSession } from './session/session';
import { useCalendar } from './calendar/calendar';
import { ProblemAlert } from './components/Loading';
import { THEME } from './theme.mts';

// Each journey's page is its own chunk: the case page need not parse ECharts, the dashboard not the forms.
const LOADERS = {
  // The sign-in form too: a signed-in load need not parse Ant Design's Form.
  SignInPage: () => import('./pages/SignInPage'),
  CasePage: () => import('./pages/CasePage'),
  CasesPage: () => import('./pages/CasesPage'),
  CompliancePage: () => import('./pages/CompliancePage'),
  DashboardPage: () => import('./pages/DashboardPage'),
  HouseholdPage: () => import('./pages/HouseholdPage'),
  OperationsPage: () => import('./pages/OperationsPage'),
  UsersPage: () => import('./pages/UsersPage'),
};
type PageName = keyof typeof LOADERS;
/** Pages whose chunk has arrived: rendered at once, without a suspended render and its fallback first. */
const loaded: Partial<Record<PageName, React.ComponentType>> = {};
const load = (name: PageName) =>
  LOADERS[name]().then((module) => (loaded[name] = (module as unknown as Record<PageName, React.ComponentType>)[name]));
const page = (name: PageName) => {
  const Lazy = lazy(() => load(name).then((component) => ({ default: component })));
  return function Page() {
    const Loaded = loaded[name];
    return Loaded ? <Loaded /> : <Lazy />;
  };
};
const CasePage = page('CasePage');
const CasesPage = page('CasesPage');
const CompliancePage = page('CompliancePage');
const DashboardPage = page('DashboardPage');
const HouseholdPage = page('HouseholdPage');
const OperationsPage = page('OperationsPage');
const UsersPage = page('UsersPage');
const SignInPage = page('SignInPage');

/** The page an address opens, to fetch its chunk while the session is still being checked (not after). */
const PAGE_OF: [RegExp, PageName][] = [
  [/^\/app\/dashboard$/, 'DashboardPage'],
  [/^\/app\/cases$/, 'CasesPage'],
  [/^\/app\/cases\/[^/]+$/, 'CasePage'],
  [/^\/app\/compliance$/, 'CompliancePage'],
  [/^\/app\/households(\/[^/]+)?$/, 'HouseholdPage'],
  [/^\/app\/operations$/, 'OperationsPage'],
  [/^\/app\/users$/, 'UsersPage'],
];
/** The page an address opens. */
const pageOf = (path: string) => PAGE_OF.find(([pattern]) => pattern.test(path))?.[1];

/** The opening page's chunk, loaded: a page rendered on the server is hydrated with it, never suspended. */
export const loadPageOf = (path: string): Promise<unknown> => {
  const name = pageOf(path);
  return name ? load(name) : Promise.resolve();
};

/** A page the server's render imports itself (opening/render.tsx): no chunk to load there. */
export const providePage = (name: PageName, component: React.ComponentType) => void (loaded[name] = component);

// No window on the server that renders a page's opening.
const FIRST_PATH = globalThis.location?.pathname ?? '';
// A failure here is met again, and shown, when the page itself asks for its chunk.
if (FIRST_PATH) loadPageOf(FIRST_PATH).catch(() => undefined);

export function App() {
  const { lang, t } = useI18n();
  const { user, checked } = useSession();
  const calendar = useCalendar();
  const { pathname } = useLocation();
  // Early answers (prefetch.ts) are for the page the address opened; another page asks afresh.
  useEffect(() => {
    if (pathname === FIRST_PATH) return;
    forgetEarly();
    forgetPrimed();
  }, [pathname]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      {!checked ? (
        <Spin aria-label={t('common.loading')} />
      ) : !user ? (
        <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
          <SignInPage />
        </Suspense>
      ) : calendar.error ? (
        <ProblemAlert error={calendar.error} />
      ) : !calendar.timeZone ? (
        // Pages show dates: they wait for the programme's zone (asked beside the session, rarely still coming).
        <Spin aria-label={t('common.loading')} />
      ) : (
        <AppLayout>
          <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
            <Routes>
              <Route path="/app/dashboard" element={<DashboardPage />} />
              <Route path="/app/cases" element={<CasesPage />} />
              <Route path="/app/cases/:caseId" element={<CasePage />} />
              <Route path="/app/compliance" element={<CompliancePage />} />
              <Route path="/app/households" element={<HouseholdPage />} />
              <Route path="/app/households/:householdId" element={<HouseholdPage />} />
              <Route path="/app/operations" element={<OperationsPage />} />
              <Route path="/app/users" element={<UsersPage />} />
              <Route path="*" element={<Navigate to={homeOf(user)} replace />} />
            </Routes>
          </Suspense>
        </AppLayout>
      )}
    </ConfigProvider>
  );
}
