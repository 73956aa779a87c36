import { columnsOf, CountDeltas } from './bulk-writes';

describe('count deltas of a batch', () => {
  const deltas = () => new CountDeltas(columnsOf('text', 'village_code', 'category'), ['active', 'withdrawn']);

  it('sums the changes of one key into one row', () => {
    const d = deltas();
    d.add(['v1', 'elderly'], { active: 1 });
    d.add(['v1', 'elderly'], { active: 1, withdrawn: 0 });
    d.add(['v1', 'stable'], { active: 1 });
    expect(d.rows()).toEqual([
      ['v1', 'elderly', 2, 0],
      ['v1', 'stable', 1, 0],
    ]);
  });

  it('leaves out a key whose changes cancel out', () => {
    const d = deltas();
    d.add(['v1', 'elderly'], { active: 1 });
    d.add(['v1', 'elderly'], { active: -1, withdrawn: 1 });
    d.add(['v1', 'elderly'], { withdrawn: -1 });
    expect(d.rows()).toEqual([]);
  });

  it('tells keys apart by every column, not by their joined text', () => {
    const d = deltas();
    d.add(['v1', 'a,b'], { active: 1 });
    d.add(['v1,a', 'b'], { active: 1 });
    expect(d.rows()).toHaveLength(2);
  });

  it('refuses a count column the table does not have', () => {
    expect(() => deltas().add(['v1', 'elderly'], { certified: 1 })).toThrow('no count column certified');
  });
});
