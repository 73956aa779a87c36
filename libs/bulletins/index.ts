/** The bimonthly bulletin pack: figures folded from the log, laid out in Chinese, rendered as PDF and Excel. */
export * from './figures';
export * from './pack';
export * from './generate';
export * from './city';
export * from './scorecard-section';
export { renderPdf } from './pdf';
export { renderXlsx } from './xlsx';
export * from './document-store';
