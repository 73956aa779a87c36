/**
 * The dashboard's charts draw a withheld cell as a gap, never as zero (apps/web/src/charts/chart-points.ts): a
 * month of fewer than five households enrolled is withheld by the API, and drawn as 0 it would say none were.
 */
import { monthlyPoints, pointsBy } from '@apps/web/src/charts/chart-points';
import type { Row } from '@apps/web/src/hooks/types';

const months = ['201201', '201202', '201203'];

describe("the points of the dashboard's charts", () => {
  it('draws a month the API withheld as a gap marked withheld, not as zero households', () => {
    const rows: Row[] = [
      { orgUnit: '640100', period: '201201', numerator: 12, denominator: null },
      { orgUnit: '640100', period: '201202', numerator: null, denominator: null, suppressed: true },
      { orgUnit: '640100', period: '201203', numerator: 7, denominator: null },
    ];
    expect(monthlyPoints(months, rows)).toEqual([
      { value: 12, suppressed: false },
      { value: null, suppressed: true },
      { value: 7, suppressed: false },
    ]);
  });

  it('counts a month the API answered no row for as zero, and sums the rows of a month', () => {
    const rows: Row[] = [
      { orgUnit: '640104', period: '201201', numerator: 5 },
      { orgUnit: '640105', period: '201201', numerator: 6 },
    ];
    expect(monthlyPoints(months, rows).map((point) => point.value)).toEqual([11, 0, 0]);
  });

  it('withholds a whole point when any of its rows was withheld, so that no part passes for the whole', () => {
    const rows: Row[] = [
      { category: 'stable', numerator: 9 },
      { category: 'stable', numerator: null, suppressed: true },
    ];
    expect(pointsBy(['stable'], rows, (row) => String(row.category))).toEqual([{ value: null, suppressed: true }]);
  });
});
