/** A bulletin's table: the shape every section builder answers (pack.ts, city.ts, scorecard-section.ts) and the PDF prints. */
export type Cell = string | number;

export interface BulletinSection {
  key: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Said under the table (or instead of it, when there are no rows). */
  note?: string;
}
