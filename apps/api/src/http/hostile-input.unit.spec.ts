import fc from 'fast-check';
import { nestsDeeperThan } from './hostile-input';

const depthOf = (value: unknown): number =>
  value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value as object).map(depthOf)) : 0;

describe('nestsDeeperThan', () => {
  it('counts brackets outside strings only, escapes included', () => {
    expect(nestsDeeperThan(Buffer.from('[[[]]]'), 3)).toBe(false);
    expect(nestsDeeperThan(Buffer.from('[[[[]]]]'), 3)).toBe(true);
    expect(nestsDeeperThan(Buffer.from('{"a":"[[[[[[\\"[[[[","b":[1]}'), 2)).toBe(false);
    expect(nestsDeeperThan(Buffer.from('{"a\\\\":[[[1]]]}'), 3)).toBe(true);
  });

  it('agrees with the depth of any parsed JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 8 }), (value, limit) => {
        expect(nestsDeeperThan(Buffer.from(JSON.stringify(value)), limit)).toBe(depthOf(value) > limit);
      }),
    );
  });
});
