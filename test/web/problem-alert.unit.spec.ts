/**
 * What a failed read or export says (components/Loading.tsx ProblemAlert): in the page's language throughout,
 * never the API's English detail (which may echo what was sent) or a browser's error text inside a Chinese sentence.
 */
import { problemMessage, Refusal, Words } from '@apps/web/src/components/problem-message';
import { en } from '@apps/web/src/i18n/en';
import { MessageKey, zhCN } from '@apps/web/src/i18n/zh-CN';

/** The lookup of i18n/i18n.tsx over one catalogue. */
function words(lang: Words['lang'], messages: Record<MessageKey, string>): Words {
  return {
    lang,
    has: (key): key is MessageKey => key in messages,
    t: (key, values = {}) => messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)),
  };
}

const zh = words('zh-CN', zhCN);
const english = words('en', en);
const refused = (status: number, code: string | undefined, detail: string): Refusal => ({
  title: 'Refused',
  status,
  ...(code !== undefined && { code }),
  detail,
});
const latin = /[A-Za-z]{3,}/;

describe('the words of a failed read', () => {
  it('names a known code in the language in force', () => {
    expect(problemMessage(refused(409, 'case-closed', 'case 42 is closed'), zh).message).toBe('未能完成：该案件已结案，只能重新立案');
    expect(problemMessage(refused(409, 'case-closed', 'case 42 is closed'), english).message).toContain('This case is closed');
  });

  it('says a read that got no answer at all in Chinese, not in the browser’s English', () => {
    const { message, status } = problemMessage(undefined, zh);
    expect([latin.test(message), status]).toEqual([false, undefined]);
  });

  it("says an unnamed refusal without the API's English detail, which may echo what was sent", () => {
    const { message } = problemMessage(refused(422, 'some-future-code', 'Wang Fang, ID 640104198001011234, is not enrolled'), zh);
    expect(message).not.toContain('Wang Fang');
    expect(message).not.toContain('640104198001011234');
    expect(message.replace('some-future-code', '')).not.toMatch(latin);
  });

  it('keeps 403 and 404 as the warnings they were', () => {
    expect(problemMessage(refused(403, 'forbidden', 'no'), zh)).toEqual({ message: zh.t('common.forbidden'), status: 403 });
    expect(problemMessage(refused(404, 'not-found', 'no'), zh)).toEqual({ message: zh.t('common.notFound'), status: 404 });
  });
});
