/** A form whose record changed under it reloads and keeps its input (forms/useCommand.ts): which refusals say so. */
import { ProblemError } from '@apps/web/src/api/client';
import { isStale } from '@apps/web/src/forms/stale';

const refused = (status: number, code?: string) =>
  new ProblemError({ type: 'about:blank', title: 't', status, code }, new Response(null, { status }));

describe('a stale form', () => {
  it('is one refused for a stale revision (412) or a lost race (409 concurrent-modification)', () => {
    expect(isStale(refused(412, 'stale-revision'))).toBe(true);
    expect(isStale(refused(409, 'concurrent-modification'))).toBe(true);
  });

  it('is not one refused by a rule, nor one that got no answer', () => {
    expect(isStale(refused(409, 'household-already-enrolled'))).toBe(false);
    expect(isStale(refused(400, 'invalid-request'))).toBe(false);
    expect(isStale(new TypeError('Failed to fetch'))).toBe(false);
  });
});
