/**
 * Every column the indicator table can show has a label in both catalogues: the dimensions each indicator
 * offers come from the API (projections' *.indicators.ts), the labels from apps/web/src/i18n, and a column
 * without one once left the page blank (its title was looked up by a key that did not exist).
 */
import { catalogue } from '@projections/index';
import { en } from '@apps/web/src/i18n/en';
import { zhCN } from '@apps/web/src/i18n/zh-CN';

const dimensions = [...new Set(catalogue.all.flatMap((indicator) => Object.keys(indicator.dimensions)))].sort();

describe('the indicator table’s column labels', () => {
  it('finds dimensions to label', () => {
    expect(dimensions.length).toBeGreaterThan(3);
  });

  it.each(dimensions)('labels the %s dimension in Chinese and in English', (dimension) => {
    const key = `col.${dimension}`;
    expect({ key, zh: key in zhCN, en: key in en }).toEqual({ key, zh: true, en: true });
  });
});
