import { atPosition as at, householdEnrolled, recorded } from '../shared/testing/harness';
import { foldCategoryCounts, HouseholdRow } from './category-counts.projection';

const VILLAGE = '640104001001';
const enrolled = (householdId: string) => householdEnrolled(householdId, VILLAGE, { members: 3 });
const key = [VILLAGE, '640104001', '640104', '640100'];

describe('category counts fold (no database)', () => {
  it('counts an enrolment, then moves it when the household is recategorised and certified in the same batch', () => {
    const households = new Map<string, HouseholdRow>();
    const { rows, deltas } = foldCategoryCounts(households, [
      enrolled('h1'),
      recorded('HouseholdRecategorized', { householdId: 'h1', from: 'developing', to: 'stable', reason: 'income rose' }),
      recorded('HouseholdCertified', { householdId: 'h1', criteriaVersion: 'v1', assessedBy: 'staff-1' }),
    ]);
    expect(deltas.rows()).toEqual([[...key, 'stable', 2012, 201203, 1, 0, 1]]);
    expect(rows.size).toBe(1);
    expect(households.get('h1')).toMatchObject({ category: 'stable', certified: true, status: 'active' });
  });

  it('changes nothing for an event no later than the row it would change (a redelivery)', () => {
    const enrolment = enrolled('h2');
    const withdrawal = recorded('HouseholdWithdrawn', { householdId: 'h2', reason: 'moved away' });
    const households = new Map<string, HouseholdRow>();
    foldCategoryCounts(households, [enrolment, withdrawal]);
    const again = foldCategoryCounts(households, [withdrawal, enrolment]);
    expect(again.deltas.rows()).toEqual([]);
    expect(again.rows.size).toBe(0);
  });

  it('ignores a transition whose guard does not hold', () => {
    const households = new Map<string, HouseholdRow>();
    foldCategoryCounts(households, [enrolled('h3')]);
    const { deltas } = foldCategoryCounts(households, [
      recorded('CertificationRevoked', { householdId: 'h3', criteriaVersion: 'v1', reason: 'none held' }),
    ]);
    expect(deltas.rows()).toEqual([]);
  });
});

describe('category counts fold: one append whose events share a commit position', () => {
  /** Enrolment and certification in one append, as the bulk loader appends a household's whole history. */
  const enrolledAndCertified = (h: string) => [
    at(enrolled(h), 300n, 300n),
    at(recorded('HouseholdCertified', { householdId: h, criteriaVersion: 'v1', assessedBy: 'staff-1' }), 300n, 340n),
  ];
  type Batches = (events: ReturnType<typeof enrolledAndCertified>) => ReturnType<typeof enrolledAndCertified>[];
  const countsOf = (rows: unknown[][], keyLength: number) =>
    rows.map((r) => r.slice(keyLength) as number[]).reduce((a, r) => a.map((v, i) => v + r[i]));

  it.each<[string, Batches]>([
    ['in one batch', (events) => [events]],
    ['in two batches', (events) => events.map((e) => [e])],
  ])('applies every event of the append (%s)', (_how, batches) => {
    const households = new Map<string, HouseholdRow>();
    const counts: unknown[][] = [];
    const stocks: unknown[][] = [];
    for (const batch of batches(enrolledAndCertified('h4'))) {
      const { deltas, stock } = foldCategoryCounts(households, batch);
      counts.push(...deltas.rows());
      stocks.push(...stock.rows());
    }
    expect(households.get('h4')).toMatchObject({ status: 'active', certified: true });
    expect(counts.every((r) => r.slice(0, key.length + 3).join() === [...key, 'developing', 2012, 201203].join())).toBe(true);
    // active, withdrawn, certified
    expect(countsOf(counts, key.length + 3)).toEqual([1, 0, 1]);
    // the stocks by local day: active, certified
    expect(countsOf(stocks, key.length + 2)).toEqual([1, 1]);
  });

  it('applies two transitions of one append (recategorised, then withdrawn)', () => {
    const households = new Map<string, HouseholdRow>();
    foldCategoryCounts(households, [at(enrolled('h5'), 100n, 100n)]);
    const { deltas } = foldCategoryCounts(households, [
      at(recorded('HouseholdRecategorized', { householdId: 'h5', from: 'developing', to: 'stable', reason: 'income rose' }), 300n, 300n),
      at(recorded('HouseholdWithdrawn', { householdId: 'h5', reason: 'moved away' }), 300n, 340n),
    ]);
    expect(households.get('h5')).toMatchObject({ category: 'stable', status: 'withdrawn' });
    expect(deltas.rows()).toEqual([
      [...key, 'developing', 2012, 201203, -1, 0, 0],
      [...key, 'stable', 2012, 201203, 0, 1, 0],
    ]);
  });

  it('changes nothing when the events of that append are delivered again, in any order', () => {
    const households = new Map<string, HouseholdRow>();
    const [enrolment, certification] = enrolledAndCertified('h6');
    foldCategoryCounts(households, [enrolment, certification]);
    const before = households.get('h6');
    const again = foldCategoryCounts(households, [certification, enrolment, certification]);
    expect(again.deltas.rows()).toEqual([]);
    expect(again.stock.rows()).toEqual([]);
    expect(again.rows.size).toBe(0);
    expect(households.get('h6')).toBe(before);
  });

  it('still skips an event earlier in the log than the household row (same commit, lower prepare)', () => {
    const households = new Map<string, HouseholdRow>();
    foldCategoryCounts(households, [
      at(enrolled('h7'), 100n, 100n),
      at(recorded('HouseholdCertified', { householdId: 'h7', criteriaVersion: 'v1', assessedBy: 'staff-1' }), 300n, 340n),
    ]);
    const late = foldCategoryCounts(households, [
      at(recorded('HouseholdWithdrawn', { householdId: 'h7', reason: 'moved away' }), 300n, 300n),
    ]);
    expect(late.deltas.rows()).toEqual([]);
    expect(late.rows.size).toBe(0);
    expect(households.get('h7')).toMatchObject({ status: 'active', certified: true });
  });
});
