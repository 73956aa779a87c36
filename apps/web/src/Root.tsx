/** The app's whole tree, the same in the browser (start.tsx) and in the server's render of an opening (opening/render.tsx). */
import { ComponentType, ReactNode, StrictMode } from 'react';
import { App } from './App';
import { CalendarProvider } from './calendar/calendar';
import { I18nProvider } from './i18n/i18n';
import type { OpeningSeeds } from './opening/state';
import { SessionProvider } from './session/session';

export function Root({ seeds, router: Router }: { seeds?: OpeningSeeds; router: ComponentType<{ children: ReactNode }> }) {
  return (
    <StrictMode>
      <CalendarProvider timeZone={seeds?.timeZone}>
        <I18nProvider initial={seeds?.lang}>
          <SessionProvider answer={seeds?.session}>
            <Router>
              <App />
            </Router>
          </SessionProvider>
        </I18nProvider>
      </CalendarProvider>
    </StrictMode>
  );
}
