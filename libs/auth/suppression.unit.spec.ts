import { Principal } from './principal';
import { suppressSmallCells } from './suppression';

const as = (...roles: Principal['roles'][number][]): Principal => ({ sub: 's', roles, ou: '640100', scopes: [] });

describe('small-cell suppression', () => {
  const rows = [
    { orgUnit: '640104001001', numerator: 3, denominator: 4, value: 0.75, interval: [0.3, 0.95] },
    { orgUnit: '640104001002', numerator: 40, denominator: 50, value: 0.8 },
    { orgUnit: '640104001003', category: 'stable', active: 2 },
  ];

  it('withholds the value of a cell with fewer than 5 households from an analyst, and marks it', () => {
    const [small, large, count] = suppressSmallCells(rows, as('analyst'));
    expect(small).toEqual({ orgUnit: '640104001001', numerator: null, denominator: 4, value: null, interval: null, suppressed: true });
    expect(large).toEqual(rows[1]);
    expect(count).toEqual(rows[2]);
  });

  it('shows every value to an auditor', () => {
    expect(suppressSmallCells(rows, as('auditor'))).toEqual(rows);
  });

  it('suppresses for a caller it does not know', () => {
    expect(suppressSmallCells(rows, undefined)[0].suppressed).toBe(true);
  });

  it('counts households apart from the denominator when a row says how many there are', () => {
    const [row] = suppressSmallCells([{ numerator: 9, denominator: 12, households: 3, value: 0.75 }], as('analyst'));
    expect(row).toMatchObject({ value: null, suppressed: true });
  });

  it('withholds a count that is its own cell size whole, the size with it', () => {
    const [small, large] = suppressSmallCells(
      [
        { numerator: 3, denominator: null, cellSize: 3, value: 3 },
        { numerator: 7, denominator: null, cellSize: 7, value: 7 },
      ],
      as('analyst'),
    );
    expect(small).toEqual({ numerator: null, denominator: null, cellSize: null, value: null, suppressed: true });
    expect(large).toEqual({ numerator: 7, denominator: null, cellSize: 7, value: 7 });
  });

  it('judges a cell of many events by its distinct households, and keeps their number beside a kept denominator', () => {
    const [row] = suppressSmallCells([{ numerator: 6, denominator: 6, households: 2, value: 1, noAnswer: 1 }], as('analyst'));
    expect(row).toEqual({ numerator: null, denominator: 6, households: 2, value: null, noAnswer: null, suppressed: true });
  });

  it('withholds the households of a count whole with it: their number is near the count itself', () => {
    const [small, large] = suppressSmallCells(
      [
        { numerator: 6, denominator: null, cellSize: 6, households: 2, value: 6 },
        { numerator: 6, denominator: null, cellSize: 6, households: 5, value: 6 },
      ],
      as('analyst'),
    );
    expect(small).toEqual({ numerator: null, denominator: null, cellSize: null, households: null, value: null, suppressed: true });
    expect(large).toEqual({ numerator: 6, denominator: null, cellSize: 6, households: 5, value: 6 });
  });

  it('judges a cell whose households were not counted by its events: the bound decided them', () => {
    const [few, many, count] = suppressSmallCells(
      [
        { numerator: 3, denominator: 4, households: null, value: 0.75 },
        { numerator: 30, denominator: 40, households: null, value: 0.75 },
        { numerator: 4, denominator: null, cellSize: 4, households: null, value: 4 },
      ],
      as('analyst'),
    );
    expect(few).toEqual({ numerator: null, denominator: 4, households: null, value: null, suppressed: true });
    expect(many).toEqual({ numerator: 30, denominator: 40, households: null, value: 0.75 });
    expect(count).toEqual({ numerator: null, denominator: null, cellSize: null, households: null, value: null, suppressed: true });
  });

  it('leaves the input rows unchanged', () => {
    const copy = structuredClone(rows);
    suppressSmallCells(rows, as('analyst'));
    expect(rows).toEqual(copy);
  });
});

describe('small-cell suppression of breakdown counts', () => {
  it('withholds the counts beside the numerator that would give it back', () => {
    const [row] = suppressSmallCells(
      [{ numerator: 2, denominator: 3, neutral: 1, dissatisfied: 0, value: 0.67, target: 0.9 }],
      as('analyst'),
    );
    expect(row).toEqual({ numerator: null, denominator: 3, neutral: null, dissatisfied: null, value: null, target: 0.9, suppressed: true });
  });
});
