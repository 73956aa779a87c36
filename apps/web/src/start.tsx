/** The app's start (main.tsx imports it): React, Ant Design and the pages' shell. */
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { setCsrfToken } from './api/client';
import { loadPageOf } from './App';
import { primeSettled } from './hooks/useRemote';
import { rememberLang, storedLang } from './i18n/i18n';
import { OPENING_STATE_ID, OpeningSeeds, OpeningState, openingSeeds } from './opening/state';
import { prefetch } from './prefetch';
import { Root } from './Root';

/** The opening the server rendered into the page, if it did, in the language this browser chose. */
function seedsOfPage(): OpeningSeeds | undefined {
  const element = document.getElementById(OPENING_STATE_ID);
  // Read once and taken out of the page (it is outside #root): it holds the session's answer, the user and a CSRF
  // token, which must not stay in the document after a sign-out.
  element?.remove();
  const carried = element?.textContent;
  if (!carried) return undefined;
  const state = JSON.parse(carried) as OpeningState;
  // Rendered in another language (a choice made before the server could know it): rendered afresh here.
  return state.path === window.location.pathname && state.lang === storedLang() ? openingSeeds(state) : undefined;
}

/** Renders the app into #root: hydrates the server's render of the opening when the page came with one. */
export function start(): void {
  rememberLang(storedLang());
  const container = document.getElementById('root')!;
  const seeds = seedsOfPage();
  seeds?.primed.forEach(([key, data]) => primeSettled(key, data));
  // After the page's own answers are primed, so that what it came with is not asked again.
  prefetch(seeds?.session.user);
  if (seeds) {
    setCsrfToken(seeds.session.csrfToken);
    // Hydrated with the same answers: the figures on screen stay as they are, and no request is repeated.
    void loadPageOf(window.location.pathname).then(() => hydrateRoot(container, <Root seeds={seeds} router={BrowserRouter} />));
  } else {
    createRoot(container).render(<Root router={BrowserRouter} />);
  }
}
