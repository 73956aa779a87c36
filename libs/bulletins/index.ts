/** The bimonthly bulletin pack: figures folded from the log, laid out in Chinese, rendered as PDF and Excel. */
export * from './figures';
export * from './pack';
export * from './generate';
export { renderPdf } from './pdf';
export { renderXlsx } from './xlsx';
export * from './document-store';
