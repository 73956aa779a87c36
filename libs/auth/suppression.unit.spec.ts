import { Principal } from './principal';
import { suppressCells, suppressSmallCells } from './suppression';

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

describe('small-cell suppression with complements', () => {
  const township = (code: string) => (code.length === 12 ? code.slice(0, 9) : undefined);
  const villages = { by: [], parentOf: township };
  const rate = (orgUnit: string, households: number, extra: Record<string, unknown> = {}) => ({
    orgUnit,
    period: '201203',
    ...extra,
    numerator: households,
    denominator: households,
    value: 1,
  });

  it("withholds the smallest published village when the township's withheld villages hold fewer than 5 households", () => {
    const rows = [rate('640104001001', 2), rate('640104001002', 5), rate('640104001003', 6), rate('640104001004', 1)];
    const out = suppressCells(rows, as('analyst'), villages);
    expect(out.map((r) => [r.orgUnit, r.value, r.suppressed ?? false])).toEqual([
      ['640104001001', null, true],
      ['640104001002', null, true],
      ['640104001003', 1, false],
      ['640104001004', null, true],
    ]);
    expect(suppressCells(rows, as('auditor'), villages)).toEqual(rows);
  });

  it('groups villages by township and period: another township or month is no sibling', () => {
    const rows = [rate('640104001001', 2), rate('640104002001', 9), { ...rate('640104001002', 9), period: '201204' }];
    expect(suppressCells(rows, as('analyst'), villages).map((r) => r.suppressed ?? false)).toEqual([true, false, false]);
  });

  it("withholds a village's other service types when one is small, by the largest of them: a family answers for several", () => {
    const rows = [
      rate('640104001003', 1, { serviceType: 'family-doctor' }),
      rate('640104001003', 3, { serviceType: 'health-check' }),
      rate('640104001003', 7, { serviceType: 'home-visit' }),
      rate('640104001003', 9, { serviceType: 'vaccination' }),
    ];
    const out = suppressCells(rows, as('analyst'), { by: ['serviceType'], parentOf: () => undefined });
    expect(out.map((r) => r.suppressed ?? false)).toEqual([true, true, true, false]);
  });

  it('comes out the same for a cell judged with more of its siblings around it, or the rows in another order', () => {
    const rows = [
      rate('640104001001', 2),
      rate('640104001002', 6),
      rate('640104001003', 6),
      rate('640104002001', 3),
      rate('640104002002', 8),
    ];
    const all = suppressCells(rows, as('analyst'), villages);
    const one = suppressCells(rows.slice(0, 3), as('analyst'), villages);
    expect(one).toEqual(all.slice(0, 3));
    expect(suppressCells([...rows].reverse(), as('analyst'), villages)).toEqual([...all].reverse());
  });

  it('changes nothing when given its own answer again', () => {
    const rows = [rate('640104001001', 2, { households: 2 }), rate('640104001002', 5, { households: null }), rate('640104001003', 9)];
    const once = suppressCells(rows, as('analyst'), villages);
    expect(suppressCells(once, as('analyst'), villages)).toEqual(once);
  });

  it('withholds no complement for a cell of nothing (a rollup row whose counts cancelled out): as if it were absent', () => {
    const rows = [{ ...rate('640104001001', 0), value: null, noAnswer: 0, target: 0.9 }, rate('640104001002', 6)];
    expect(suppressCells(rows, as('analyst'), villages).map((r) => r.suppressed ?? false)).toEqual([true, false]);
  });

  it('counts a small cell whose households were not counted as one household at least', () => {
    // Four responses, households not counted: maybe one family. With four more, withheld cells could hold 2.
    const rows = [rate('640104001001', 4, { households: null }), rate('640104001002', 4, { households: null }), rate('640104001003', 9)];
    expect(suppressCells(rows, as('analyst'), villages).map((r) => r.suppressed ?? false)).toEqual([true, true, true]);
  });
});
