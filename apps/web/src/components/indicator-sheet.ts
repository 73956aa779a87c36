/**
 * An indicator table's columns as the workbook writes them (download.ts): the same words the table shows, in
 * Chinese whatever the page's language (the workbook's headers are Chinese), so that a download says what the
 * screen said. Money goes in yuan under a header that says so, as a number Excel can add up: the API's integer
 * fen written as they are would read a hundred times too large beside the table's yuan.
 */
import type { OrgUnit, ReferenceData, Row } from '../hooks/types';
import { chineseName } from '../charts/labels';
import { zhCN } from '../i18n/zh-CN';
import { chineseHeader, SheetColumn } from './download';

/** The measures a table shows in yuan for an indicator counted in fen (IndicatorTable's rule). */
const isMoney = (unit: string | undefined, field: string) => unit === 'fen' && (field === 'numerator' || field === 'value');

export function sheetColumns(
  fields: string[],
  dimensions: string[],
  unit: string | undefined,
  reference: ReferenceData | undefined,
  units: OrgUnit[],
): SheetColumn[] {
  return fields.map((field) => ({
    field,
    header: isMoney(unit, field) ? `${chineseHeader(field)}（元）` : chineseHeader(field),
    money: isMoney(unit, field),
    cell: (row: Row) => {
      const value = row[field];
      // A suppressed cell stays empty with the word beside it, never a zero.
      if (row.suppressed && value === null) return zhCN['common.suppressed'];
      if (value === null || value === undefined) return null;
      if (dimensions.includes(field)) return chineseName(reference, field, String(value));
      if (field === 'orgUnitName') return units.find((u) => u.code === row.orgUnit)?.name['zh-CN'] ?? String(value);
      if (typeof value === 'number') return isMoney(unit, field) ? value / 100 : value;
      if (typeof value === 'object') return `${value.lower}–${value.upper}`;
      return value;
    },
  }));
}
