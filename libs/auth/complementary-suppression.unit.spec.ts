import fc from 'fast-check';
import { CellGroup, GroupCell, protectGroups } from './complementary-suppression';

const cell = (code: string, households: number, withheld = households < 5): GroupCell => ({ code, size: households, households, withheld });
const apart = (...members: number[]): CellGroup => ({ members, sharesHouseholds: false });

describe('complementary suppression within a group of siblings', () => {
  it('withholds the smallest published sibling when the withheld ones hold fewer than 5 households together', () => {
    const villages = [cell('A', 2), cell('B', 5), cell('C', 6), cell('D', 1)];
    expect(protectGroups(villages, [apart(0, 1, 2, 3)], 5)).toEqual([true, true, false, true]);
  });

  it('breaks a tie of sizes by code', () => {
    const villages = [cell('C', 6), cell('B', 6), cell('A', 3)];
    expect(protectGroups(villages, [apart(0, 1, 2)], 5)).toEqual([false, true, true]);
  });

  it('withholds nothing more when two withheld siblings or more hold 5 households together, or none is withheld', () => {
    expect(protectGroups([cell('A', 3), cell('B', 2), cell('C', 9)], [apart(0, 1, 2)], 5)).toEqual([true, true, false]);
    expect(protectGroups([cell('A', 5), cell('B', 9)], [apart(0, 1)], 5)).toEqual([false, false]);
  });

  it('never leaves one withheld cell alone in a group: the total less its siblings would give it back', () => {
    expect(protectGroups([cell('A', 8, true), cell('B', 9), cell('C', 6)], [apart(0, 1, 2)], 5)).toEqual([true, false, true]);
  });

  it('withholds the whole group when its siblings are too few together', () => {
    expect(protectGroups([cell('A', 1), cell('B', 2)], [apart(0, 1)], 5)).toEqual([true, true]);
  });

  it('counts siblings that may share households by the largest, not the sum: a family would count twice', () => {
    const types = [cell('doctor', 3), cell('check', 3), cell('visit', 8)];
    expect(protectGroups(types, [{ members: [0, 1, 2], sharesHouseholds: true }], 5)).toEqual([true, true, true]);
    expect(protectGroups(types, [apart(0, 1, 2)], 5)).toEqual([true, true, false]);
  });

  it('withholds two of the parts of a cell withheld where it is published, which their sum would give back', () => {
    const townships = [cell('T1', 9), cell('T2', 6), cell('T3', 12)];
    expect(protectGroups(townships, [{ ...apart(0, 1, 2), partsOfWithheld: true }], 5)).toEqual([true, true, false]);
    expect(protectGroups(townships, [apart(0, 1, 2)], 5)).toEqual([false, false, false]);
    expect(protectGroups([cell('only', 7)], [{ ...apart(0), partsOfWithheld: true }], 5)).toEqual([true]);
  });

  it('goes over overlapping groups until none changes', () => {
    // Two villages (rows) by two service types (columns): A-doctor is small.
    const cells = [cell('A-doctor', 1), cell('A-check', 9), cell('B-doctor', 7), cell('B-check', 8)];
    const groups = [apart(0, 2), apart(1, 3), { members: [0, 1], sharesHouseholds: true }, { members: [2, 3], sharesHouseholds: true }];
    expect(protectGroups(cells, groups, 5)).toEqual([true, true, true, true]);
  });
});

describe('complementary suppression, for any groups', () => {
  const arbitraryCase = fc
    .array(fc.record({ households: fc.nat({ max: 12 }), extra: fc.nat({ max: 3 }), withheld: fc.boolean() }), {
      minLength: 1,
      maxLength: 12,
    })
    .chain((specs) =>
      fc.record({
        cells: fc.constant(
          specs.map(({ households, extra, withheld }, i) => ({
            code: `c${i}`,
            size: households + extra,
            households,
            withheld: withheld || households < 5,
          })),
        ),
        groups: fc.array(
          fc.record({
            members: fc.uniqueArray(fc.nat({ max: specs.length - 1 }), { minLength: 1 }),
            sharesHouseholds: fc.boolean(),
            partsOfWithheld: fc.boolean(),
          }),
          { maxLength: 6 },
        ),
      }),
    );

  it('leaves in every group two withheld cells or more that hold 5 households together, or none (unless parts of a withheld cell), or the whole group', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ cells, groups }) => {
        const withheld = protectGroups(cells, groups, 5);
        for (const { members, sharesHouseholds, partsOfWithheld } of groups) {
          const held = members.filter((i) => withheld[i]).map((i) => cells[i].households);
          const together = sharesHouseholds ? Math.max(0, ...held) : held.reduce((a, b) => a + b, 0);
          const none = held.length === 0 && !partsOfWithheld;
          expect(none || held.length === members.length || (together >= 5 && held.length >= 2)).toBe(true);
        }
      }),
    );
  });

  it('withholds every cell withheld before, and is deterministic and idempotent', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ cells, groups }) => {
        const withheld = protectGroups(cells, groups, 5);
        cells.forEach((c, i) => expect(withheld[i] || !c.withheld).toBe(true));
        expect(protectGroups(cells, groups, 5)).toEqual(withheld);
        expect(
          protectGroups(
            cells.map((c, i) => ({ ...c, withheld: withheld[i] })),
            groups,
            5,
          ),
        ).toEqual(withheld);
      }),
    );
  });
});
