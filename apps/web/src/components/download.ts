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

/** A workbook column: its header, each row's cell, and whether it holds yuan (shown with two decimals). */
export interface SheetColumn {
  field: string;
  header: string;
  money?: boolean;
  cell(row: Row): string | number | boolean | null;
}

export async function downloadXlsx(columns: SheetColumn[], rows: Row[], filename: string, sheet: string): Promise<void> {
  // exceljs is large: loaded only when someone asks for a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet);
  worksheet.columns = columns.map(({ field, header, money }) => ({
    header,
    key: field,
    width: Math.max(12, header.length * 2 + 4),
    ...(money && { style: { numFmt: '#,##0.00' } }),
  }));
  for (const row of rows) worksheet.addRow(Object.fromEntries(columns.map((column) => [column.field, column.cell(row)])));
  worksheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  saveBlob(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), filename);
}
