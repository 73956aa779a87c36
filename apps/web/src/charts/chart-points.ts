/**
 * The points a chart draws from an indicator's rows. A cell the API withheld (`suppressed`, fewer households
 * than the disclosure floor) is a gap, never a zero: summed as 0 it would read as "no household enrolled that
 * month", which the API never said. Its label says it is withheld (charts/DashboardCharts.tsx).
 */
import type { Row } from '../hooks/types';

export interface Point {
  value: number | null;
  suppressed: boolean;
}

const numerator = (row: Row) => (typeof row.numerator === 'number' ? row.numerator : null);

/** One point per key: the rows of that key summed, a gap when any of them was withheld or none was answered. */
export function pointsBy(keys: readonly string[], rows: readonly Row[], keyOf: (row: Row) => string): Point[] {
  return keys.map((key) => {
    const own = rows.filter((row) => keyOf(row) === key);
    const suppressed = own.some((row) => row.suppressed === true);
    const values = own.map(numerator).filter((value): value is number => value !== null);
    if (suppressed) return { value: null, suppressed };
    // A month the API answered no row for holds no enrolment: zero, as the API counts it.
    return { value: values.reduce((sum, value) => sum + value, 0), suppressed };
  });
}

/** The months of a trend, each the sum of its rows, or withheld. */
export const monthlyPoints = (months: readonly string[], rows: readonly Row[]): Point[] =>
  pointsBy(months, rows, (row) => String(row.period));
