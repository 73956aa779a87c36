import fc from 'fast-check';
import { Request, Response } from 'express';
import { nestsDeeperThan, refuseHostileInput } from './hostile-input';
import { Problem, ProblemException } from './problem';

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

describe('refuseHostileInput', () => {
  /** The problem passed on for a request of this body and URL, or undefined when it is let through. */
  function refusal(body: unknown, originalUrl = '/households'): Problem | undefined {
    let passed: unknown;
    refuseHostileInput({ originalUrl, query: {}, body } as unknown as Request, {} as Response, (error?: unknown) => (passed = error));
    return (passed as ProblemException | undefined)?.problem;
  }

  it('names each refused field with its rule, and never the value sent', () => {
    const body = JSON.parse('{"head":{"name":"Ma\\u0000Lan"},"members":1e400,"__proto__":{"isAdmin":true}}');
    const problem = refusal(body, '/households?x=%00');
    expect(problem).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(problem!.errors!.map(({ field, rule }) => [field, rule])).toEqual([
      ['url', 'noNul'],
      ['head.name', 'noNul'],
      ['members', 'finite'],
      ['__proto__', 'allowedName'],
    ]);
    expect(JSON.stringify(problem)).not.toContain('Ma');
  });

  it('lets an ordinary body through', () => {
    expect(refusal({ head: { name: '马兰' }, members: 3 })).toBeUndefined();
  });
});
