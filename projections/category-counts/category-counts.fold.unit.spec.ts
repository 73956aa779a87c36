import { householdEnrolled, recorded } from '../shared/testing/harness';
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
