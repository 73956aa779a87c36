/**
 * Downloads: the API's own files (its CSV, Accept: text/csv) saved byte for byte as it answers them, and an
 * .xlsx made in the page with Chinese headers. The page makes no CSV of its own; one that did would start
 * with a byte-order mark, as the API's Chinese CSV does, so that Excel reads it as UTF-8.
 */
import { callBytes } from '../api/client';
import { Row } from '../hooks/types';
import { zhCN, MessageKey } from '../i18n/zh-CN';

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves the API's answer to `path` as sent: a scorecard CSV keeps its byte-order mark. */
export async function downloadAsSent(path: string, accept: string, filename: string): Promise<void> {
  saveBlob(await callBytes(path, accept), filename);
}

export const downloadCsv = (path: string, filename: string) => downloadAsSent(path, 'text/csv', filename);

/** The column's Chinese header from the catalogue (col.<field>), or the field's own name. */
export const chineseHeader = (field: string) => zhCN[`col.${field}` as MessageKey] ?? field;

/** The indicator's Chinese name for the sheet's tab (Excel allows 31 characters), or its code where it has none. */
export const chineseSheetName = (indicator: string) => (zhCN[`indicator.${indicator}` as MessageKey] ?? indicator).slice(0, 31);

export async function downloadXlsx(columns: string[], rows: Row[], filename: string, sheet: string): Promise<void> {
  // exceljs is large: loaded only when someone asks for a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet);
  worksheet.columns = columns.map((field) => ({
    header: chineseHeader(field),
    key: field,
    width: Math.max(12, chineseHeader(field).length * 2 + 4),
  }));
  for (const row of rows) {
    // A suppressed cell stays empty with the word beside it, never a zero.
    worksheet.addRow(
      Object.fromEntries(
        columns.map((field) => [field, row.suppressed && row[field] === null ? zhCN['common.suppressed'] : cell(row[field])]),
      ),
    );
  }
  worksheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  saveBlob(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), filename);
}

function cell(value: Row[string] | undefined): string | number | boolean | null {
  if (value && typeof value === 'object') return `${value.lower}–${value.upper}`;
  return value ?? null;
}
