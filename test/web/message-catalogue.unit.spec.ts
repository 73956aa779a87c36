/**
 * The message catalogue is one file per area (apps/web/src/i18n), spread into zh-CN.ts and en.ts: a key named
 * in two areas would keep the words of whichever is spread last, without a word from the type checker.
 */
import { en } from '@apps/web/src/i18n/en';
import { messageAreas, zhCN } from '@apps/web/src/i18n/zh-CN';

describe('the message catalogue, area by area', () => {
  it('names each key in one area only', () => {
    const keys = messageAreas.flatMap((area) => Object.keys(area));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    expect(keys.length).toBe(Object.keys(zhCN).length);
  });

  it('has words for every key in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    const empty = [...Object.entries(zhCN), ...Object.entries(en)].filter(([, words]) => words.trim() === '');
    expect(empty).toEqual([]);
  });
});
