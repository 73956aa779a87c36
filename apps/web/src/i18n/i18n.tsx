/**
 * The language in force (zh-CN by default, en the other choice, kept in localStorage), the message lookup
 * and the locale's formats: numbers, fen as yuan, and dates in the programme's calendar (its zone from GET /calendar).
 */
import { createContext, ReactNode, useContext, useMemo, useState } from 'react';
import { useCalendar } from '../calendar/calendar';
import { en } from './en';
import { MessageKey, zhCN } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };
const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The programme's time zone, as the service answers it. */
  timeZone: string;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  has(key: string): key is MessageKey;
  /** A code's words, catalogued as `prefix.code`, or the code itself when there are none (a value newer than this page). */
  word(prefix: string, code: string): string;
  number(value: number, digits?: number): string;
  percent(value: number): string;
  yuan(fen: number): string;
  dateTime(iso: string): string;
  /** A reporting period's code (`2012`, `201203`, `201202B`, `2012Q1`) in words; an unknown code as itself. */
  period(code: string): string;
  /** A bilingual name from the API's reference data, in the language in force. */
  name(name: { 'zh-CN'?: string; en?: string } | undefined, fallback: string): string;
}

/**
 * `timeZone` is the programme's, from GET /calendar; UTC only stands in before it has answered, when the
 * app shows no page (App waits for the calendar), so no date is ever shown in it.
 */
export function makeI18n(lang: Lang, setLang: (lang: Lang) => void, timeZone = 'UTC'): I18n {
  const messages = CATALOGUES[lang];
  const numbers = new Intl.NumberFormat(lang);
  const dates = new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'medium', timeStyle: 'medium' });
  return {
    lang,
    setLang,
    timeZone,
    has: (key): key is MessageKey => key in messages,
    t: (key, values = {}) => messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)),
    word: (prefix, code) => messages[`${prefix}.${code}` as MessageKey] ?? code,
    number: (value, digits) =>
      (digits === undefined ? numbers : new Intl.NumberFormat(lang, { maximumFractionDigits: digits })).format(value),
    percent: (value) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value),
    // Fen are integers; yuan shown with two decimals, so no float arithmetic beyond this one division.
    yuan: (fen) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(fen / 100),
    dateTime: (iso) => dates.format(new Date(iso)),
    period: (code) => periodWords(code, lang, messages),
    name: (name, fallback) => name?.[lang] ?? name?.['zh-CN'] ?? fallback,
  };
}

const PERIOD = /^(\d{4})(?:(\d{2})(B?)|Q([1-4]))?$/;

function periodWords(code: string, lang: Lang, messages: Record<MessageKey, string>): string {
  const match = PERIOD.exec(code);
  if (!match) return code;
  const [, year, mm, bimonthly, quarter] = match;
  const monthName = (m: number) => new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2000, m - 1, 1));
  const fill = (key: MessageKey, values: Record<string, string | number>) =>
    messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
  if (quarter) return fill('periodName.quarter', { year, quarter });
  if (!mm) return fill('periodName.year', { year });
  const m = Number(mm);
  if (!bimonthly) return fill('periodName.month', { year, month: m, monthName: monthName(m) });
  return fill('periodName.bimonth', { year, first: 2 * m - 1, last: 2 * m, firstName: monthName(2 * m - 1), lastName: monthName(2 * m) });
}

const I18nContext = createContext<I18n>(makeI18n('zh-CN', () => undefined));

/** The language this browser chose (zh-CN unless English was chosen). */
export const storedLang = (): Lang => (localStorage.getItem('lang') === 'en' ? 'en' : 'zh-CN');

/**
 * The choice is also a cookie, so that the server renders a page's opening (opening/render.tsx) in it.
 * Not a secret, and only ever read as one of the two languages. The document says it too (called at start as
 * well): a page served as built says zh-CN, which screen readers and translation offers would take at its word.
 */
export const rememberLang = (lang: Lang) => {
  localStorage.setItem('lang', lang);
  document.cookie = `lang=${lang}; path=/; max-age=31536000; SameSite=Strict`;
  document.documentElement.lang = lang;
};

/** `initial`: the language the page was rendered in on the server; this browser's own choice otherwise. */
export function I18nProvider({ initial, children }: { initial?: Lang; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? storedLang());
  const { timeZone } = useCalendar();
  const value = useMemo(
    () =>
      makeI18n(
        lang,
        (next) => {
          rememberLang(next);
          setLangState(next);
        },
        timeZone,
      ),
    [lang, timeZone],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => useContext(I18nContext);
