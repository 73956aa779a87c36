/** A form whose record changed under it reloads and keeps its input (forms/useCommand.ts): which refusals say so. */
import { isStaleRefusal } from '@apps/web/src/forms/stale';

describe('a stale form', () => {
  it('is one refused for a stale revision (412) or a lost race (409 concurrent-modification)', () => {
    expect(isStaleRefusal({ status: 412, code: 'stale-revision' })).toBe(true);
    expect(isStaleRefusal({ status: 409, code: 'concurrent-modification' })).toBe(true);
  });

  it('is not one refused by a rule', () => {
    expect(isStaleRefusal({ status: 409, code: 'household-already-enrolled' })).toBe(false);
    expect(isStaleRefusal({ status: 400, code: 'invalid-request' })).toBe(false);
    expect(isStaleRefusal({ status: 409 })).toBe(false);
  });
});
