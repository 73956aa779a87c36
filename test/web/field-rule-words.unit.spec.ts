/**
 * A field the API refuses is said under it in the page's language: every `rule` the server can answer a refused
 * field with (read from the server: support/server-field-rules.ts) has words in both catalogues, the Chinese
 * ones without English in them, and a rule the page does not know is still said in Chinese, never by the API's
 * English `message`.
 */
import { Words } from '@apps/web/src/components/problem-message';
import { fieldErrorWords } from '@apps/web/src/forms/field-error-words';
import { en } from '@apps/web/src/i18n/en';
import { fieldRulesEn, fieldRulesZhCN } from '@apps/web/src/i18n/field-rules';
import { MessageKey, zhCN } from '@apps/web/src/i18n/zh-CN';
import { serverFieldRules } from './support/server-field-rules';

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
const latin = /[A-Za-z]/;
const rules = serverFieldRules();

describe('the words of a refused field', () => {
  it("finds the rules of each way the server makes them: DTO decorators, the pipe's options, the service's own", () => {
    // @Length is `isLength` and @IsUUID `isUuid` (class-validator's names, not the decorators'); @IsInstant is ours.
    for (const rule of ['isIn', 'matches', 'isLength', 'isUuid', 'isInstant', 'whitelistValidation', 'noNul', 'finite', 'allowedName'])
      expect(rules).toContain(rule);
  });

  it.each(rules)('words %s, a rule the server answers with, in Chinese and in English', (rule) => {
    expect([rule, `fieldRule.${rule}` in fieldRulesZhCN, `fieldRule.${rule}` in fieldRulesEn]).toEqual([rule, true, true]);
    const said = fieldErrorWords({ field: 'villageCode', rule }, '村（社区）代码', zh);
    expect(said).not.toMatch(latin);
  });

  it("says a rule after the field's label, as the form shows it", () => {
    expect(fieldErrorWords({ field: 'villageCode', rule: 'matches' }, '村（社区）代码', zh)).toBe('村（社区）代码格式不正确');
    expect(fieldErrorWords({ field: 'category', rule: 'isIn' }, '类别', zh)).toBe('类别不在可选范围内');
    expect(fieldErrorWords({ field: 'occurredAt', rule: 'isInstant' }, undefined, zh)).toBe('日期时间格式不正确');
    expect(fieldErrorWords({ field: 'head.name', rule: 'maxLength' }, 'Head of household', english)).toBe('Head of household: too long');
  });

  it('says a rule it does not know, or none at all, generically and in Chinese', () => {
    expect(fieldErrorWords({ field: 'x', rule: 'isTaxNumber' }, undefined, zh)).toBe('填写有误');
    expect(fieldErrorWords({ field: 'x' }, '说明', zh)).toBe('说明填写有误');
    // Nor is a rule that happens to name another key of the catalogue taken for it.
    expect(fieldErrorWords({ field: 'x', rule: 'labelled' }, undefined, zh)).toBe('填写有误');
  });

  it('has no Chinese words with English in them, and the same rules in both languages', () => {
    expect(Object.keys(fieldRulesEn).sort()).toEqual(Object.keys(fieldRulesZhCN).sort());
    for (const [key, said] of Object.entries(fieldRulesZhCN)) expect([key, latin.test(said.replace(/\{\w+\}/g, ''))]).toEqual([key, false]);
  });
});
