import { KeyFilter } from './key-filter';

describe('KeyFilter', () => {
  it('holds every key it was given, as it grows past its first layers, and few it was not', () => {
    const filter = new KeyFilter();
    const added = Array.from({ length: 100_000 }, (_, i) => `village-${i % 977}\u0001kind-${i}`);
    const newly = added.filter((key) => !filter.add(key));
    expect(added.every((key) => filter.mayHold(key))).toBe(true);
    expect(newly.length).toBeGreaterThan(99_000); // a key reported as held already is a false positive
    const strangers = Array.from({ length: 100_000 }, (_, i) => `stranger-${i}`).filter((key) => filter.mayHold(key));
    expect(strangers.length).toBeLessThan(2_000);
  });

  it('reports a key added twice as held the second time', () => {
    const filter = new KeyFilter();
    expect(filter.add('a')).toBe(false);
    expect(filter.add('a')).toBe(true);
    expect(filter.mayHold('b')).toBe(false);
  });
});
