import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { CalendarProvider } from './calendar/calendar';
import 'virtual:antd.css';
import './styles.css';
import { I18nProvider } from './i18n/i18n';
import { SessionProvider } from './session/session';
import { prefetch } from './prefetch';

prefetch();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CalendarProvider>
      <I18nProvider>
        <SessionProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </SessionProvider>
      </I18nProvider>
    </CalendarProvider>
  </StrictMode>,
);
