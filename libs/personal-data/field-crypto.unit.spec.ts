import { randomBytes } from 'node:crypto';
import { decryptLeaf, encryptLeaf, forEachPersonalLeaf, isCiphertext, keyIdOf, mapPersonalLeaves } from './field-crypto';

describe('personal field encryption', () => {
  const key = randomBytes(32);

  it('round-trips strings, numbers and booleans, naming its key', () => {
    for (const value of ['Ma Lan', 42, true, '']) {
      const sealed = encryptLeaf(value, key, 'household-1', 'event-1', 'head.name');
      expect(isCiphertext(sealed)).toBe(true);
      expect(keyIdOf(sealed)).toBe('household-1');
      expect(decryptLeaf(sealed, key, 'event-1', 'head.name')).toEqual(value);
    }
  });

  it('gives a different ciphertext each time for the same value', () => {
    expect(encryptLeaf('Ma Lan', key, 'h', 'e', 'head.name')).not.toBe(encryptLeaf('Ma Lan', key, 'h', 'e', 'head.name'));
  });

  it('refuses a ciphertext moved to another event or field, or read with another key', () => {
    const sealed = encryptLeaf('Ma Lan', key, 'h', 'e', 'head.name');
    expect(() => decryptLeaf(sealed, key, 'other-event', 'head.name')).toThrow();
    expect(() => decryptLeaf(sealed, key, 'e', 'head.phone')).toThrow();
    expect(() => decryptLeaf(sealed, randomBytes(32), 'e', 'head.name')).toThrow();
  });

  it('refuses a ciphertext whose authentication tag was cut short', () => {
    const [prefix, keyPart, ivPart, bodyPart] = encryptLeaf('Ma Lan', key, 'h', 'e', 'head.name').split('.');
    const short = Buffer.from(bodyPart, 'base64url').subarray(0, 8).toString('base64url');
    expect(() => decryptLeaf([prefix, keyPart, ivPart, short].join('.'), key, 'e', 'head.name')).toThrow(/tag length/i);
  });

  it('maps every leaf under the personal paths, through arrays, and nothing else', () => {
    const data = { householdId: 'h', head: { name: 'A', phone: 'B' }, members: [{ name: 'C' }, { name: 'D' }], reason: null };
    const mapped = mapPersonalLeaves(data, ['head', 'members.name', 'reason', 'absent.path'], (leaf, path) => `${path}<${String(leaf)}>`);
    expect(mapped).toEqual({
      householdId: 'h',
      head: { name: 'head.name<A>', phone: 'head.phone<B>' },
      members: [{ name: 'members.name<C>' }, { name: 'members.name<D>' }],
      reason: null,
    });
    expect(data.head.name).toBe('A');
    expect(data.members).toEqual([{ name: 'C' }, { name: 'D' }]);
  });

  it('copies only along the personal paths, and visits the same leaves without copying', () => {
    const data = { householdId: 'h', place: { village: 'v' }, head: { name: 'A' }, members: [{ name: 'C', age: 3 }] };
    const mapped = mapPersonalLeaves(data, ['head', 'members.name'], (leaf) => `<${String(leaf)}>`);
    expect(mapped.place).toBe(data.place);
    expect(mapped.members).toEqual([{ name: '<C>', age: 3 }]);
    expect(mapPersonalLeaves(data, ['absent', 'place.town'], () => 'x')).toBe(data);
    const leaves: unknown[] = [];
    forEachPersonalLeaf(data, ['head', 'members.name', 'absent'], (leaf) => leaves.push(leaf));
    expect(leaves).toEqual(['A', 'C']);
  });
});
