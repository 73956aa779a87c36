/**
 * What a failed read or export says (ProblemAlert): a refusal by its code in the page's language. The API's
 * `detail` is English and may echo what was sent, so a Chinese page never shows it: a code it does not name
 * (one newer than the page) is said by the code alone, and no answer at all (offline, a browser's TypeError,
 * `problem` undefined) as such, never in the browser's words.
 */
import type { MessageKey } from '../i18n/zh-CN';

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

export function problemMessage(problem: Refusal | undefined, { t, has, lang }: Words): { message: string; status?: number } {
  if (problem === undefined) return { message: t('common.readUnreachable') };
  const { status, code, detail, title } = problem;
  if (status === 403) return { message: t('common.forbidden'), status };
  if (status === 404) return { message: t('common.notFound'), status };
  const named = `problem.${code}`;
  if (code && has(named)) return { message: t('common.error', { message: t(named) }), status };
  if (lang === 'en') return { message: t('common.error', { message: detail ?? title }), status };
  return { message: t('common.unnamedProblem', { code: code ?? String(status) }), status };
}
