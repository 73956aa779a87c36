/** What the seed figures' reader answers, and how its figures are worded (read-figures.ts, campaign-figures.ts). */

export type Row = Record<string, number | string | null>;
/** An answer's body: an indicator's `rows`, or a page of the loan register (`loans`, `next`). */
export interface Body {
  rows?: Row[];
  loans?: Row[];
  next?: string | null;
}
export type Read = (path: string) => Promise<Body>;

export interface FigureAnswer {
  seed: string;
  indicator: string;
  answer: string;
  holds: boolean;
}

export const sum = (rows: Row[], field = 'numerator') => rows.reduce((total, r) => total + Number(r[field] ?? 0), 0);
export const percent = (value: unknown) => `${(Number(value) * 100).toFixed(1)}%`;
export const count = (n: number) => Math.round(n).toLocaleString('en-US');
export const yuan = (fen: number) => `${count(fen / 100)} yuan`;
export const within = (actual: number, target: number, tolerance: number) => Math.abs(actual - target) <= tolerance;

/** Records one figure: the report's words, where it was read, the API's answer, whether it holds. */
export type AddFigure = (seed: string, indicator: string, answer: string, holds: boolean) => void;
