import { atPosition as at, householdEnrolled, recorded } from '../shared/testing/harness';
import { foldHouseholdRegister, RegisterRow } from './household-register.projection';

const VILLAGE = '640104001001';

describe('household register fold (no database)', () => {
  /** Enrolment and certification in one append, as the bulk loader appends a household's whole history. */
  const enrolledAndCertified = (h: string) => [
    at(householdEnrolled(h, VILLAGE), 300n, 300n),
    at(recorded('HouseholdCertified', { householdId: h, criteriaVersion: 'v1', assessedBy: 'staff-1' }), 300n, 340n),
  ];
  type Batches = (events: ReturnType<typeof enrolledAndCertified>) => ReturnType<typeof enrolledAndCertified>[];

  it.each<[string, Batches]>([
    ['in one batch', (events) => [events]],
    ['in two batches', (events) => events.map((e) => [e])],
  ])('shows certified a household enrolled and certified by one append (%s)', (_how, batches) => {
    const rows = new Map<string, RegisterRow>();
    for (const batch of batches(enrolledAndCertified('h1'))) foldHouseholdRegister(rows, batch);
    expect(rows.get('h1')).toMatchObject({ status: 'active', certified: true });
  });

  it('applies two transitions of one append (recategorised, then withdrawn)', () => {
    const rows = new Map<string, RegisterRow>();
    foldHouseholdRegister(rows, [at(householdEnrolled('h2', VILLAGE), 100n, 100n)]);
    const changes = foldHouseholdRegister(rows, [
      at(recorded('HouseholdRecategorized', { householdId: 'h2', from: 'developing', to: 'stable', reason: 'r' }), 300n, 300n),
      at(recorded('HouseholdWithdrawn', { householdId: 'h2', reason: 'moved' }), 300n, 340n),
    ]);
    expect(changes.size).toBe(1);
    expect(rows.get('h2')).toMatchObject({ category: 'stable', status: 'withdrawn' });
  });

  it('changes nothing when the events of that append are delivered again, in any order', () => {
    const rows = new Map<string, RegisterRow>();
    const [enrolment, certification] = enrolledAndCertified('h3');
    foldHouseholdRegister(rows, [enrolment, certification]);
    const before = rows.get('h3');
    expect(foldHouseholdRegister(rows, [certification, enrolment, certification]).size).toBe(0);
    expect(rows.get('h3')).toBe(before);
  });

  it('still skips an event earlier in the log than the row (same commit, lower prepare)', () => {
    const rows = new Map<string, RegisterRow>();
    foldHouseholdRegister(rows, [
      at(householdEnrolled('h4', VILLAGE), 100n, 100n),
      at(recorded('HouseholdCertified', { householdId: 'h4', criteriaVersion: 'v1', assessedBy: 'staff-1' }), 300n, 340n),
    ]);
    expect(foldHouseholdRegister(rows, [at(recorded('HouseholdWithdrawn', { householdId: 'h4', reason: 'moved' }), 300n, 300n)]).size).toBe(
      0,
    );
    expect(rows.get('h4')).toMatchObject({ status: 'active', certified: true });
  });
});
