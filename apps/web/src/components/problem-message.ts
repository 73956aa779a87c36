/**
 * What a failed read or export says (ProblemAlert): a refusal by its code in the page's language. The API's
 * `detail` is English and may echo what was sent, so a Chinese page never shows it: a code it does not name
 * (one newer than the page) is said by the code alone, and no answer at all (offline, a browser's TypeError,
 * `problem` undefined) as such, never in the browser's words.
 */
import type { MessageKey } from '../i18n/zh-CN';

// Declared here, not taken from api/client.ts and i18n/i18n.tsx: the unit spec (test/web) is type-checked by the
// root tsconfig, which has neither the DOM nor JSX those two need.
/** The parts of an API problem (api/client.ts Problem) the words rest on. */
export interface Refusal {
  status: number;
  code?: string;
  title: string;
  detail?: string;
}

/** The parts of the i18n in force (i18n/i18n.tsx) the words need. */
export interface Words {
  lang: 'zh-CN' | 'en';
  t(key: MessageKey, values?: Record<string, string | number>): string;
  has(key: string): key is MessageKey;
}

/** The refusal's own words: its code's in the page's language, else the API's detail on an English page only. */
export function refusalWords({ code, detail, title }: Refusal, { t, has, lang }: Words): string | undefined {
  const named = `problem.${code}`;
  if (code && has(named)) return t(named);
  return lang === 'en' ? (detail ?? title) : undefined;
}

export function problemMessage(problem: Refusal | undefined, i18n: Words): { message: string; status?: number } {
  const { t } = i18n;
  if (problem === undefined) return { message: t('common.readUnreachable') };
  const { status, code } = problem;
  if (status === 403) return { message: t('common.forbidden'), status };
  if (status === 404) return { message: t('common.notFound'), status };
  const words = refusalWords(problem, i18n);
  if (words !== undefined) return { message: t('common.error', { message: words }), status };
  return { message: t('common.unnamedProblem', { code: code ?? String(status) }), status };
}
