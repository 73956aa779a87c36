import { position } from '@libs/event-store';
import { ProblemException } from '../http/problem';
import { parseFeedQuery, parseLimit } from './feed-query';

const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as ProblemException).problem;
  }
  throw new Error('expected a problem');
};

describe('parsing the feed query', () => {
  it('reads a position, event types and stream prefixes', () => {
    expect(parseFeedQuery({ from: '42/40', types: 'HouseholdEnrolled,ServiceDelivered', streams: 'household-,loan-' })).toEqual({
      from: position(42n, 40n),
      filter: { eventTypes: ['HouseholdEnrolled', 'ServiceDelivered'], streamPrefixes: ['household-', 'loan-'] },
    });
  });

  it('starts from the beginning without a from, and has no filter without types or streams', () => {
    expect(parseFeedQuery({})).toEqual({ from: 'start', filter: {} });
  });

  it('prefers Last-Event-ID to from', () => {
    expect(parseFeedQuery({ from: '5' }, '9').from).toEqual(position(9n));
  });

  it.each([
    [{ from: '-1' }, 'from'],
    [{ from: '99999999999999999999' }, 'from'],
    [{ types: 'A,' }, 'types'],
    [{ streams: 'a b' }, 'streams'],
    [{ types: ['A', 'B'] }, 'types'],
    [{ types: 'LoanGranted,LoanGrantd' }, 'types'],
    [{ type: 'LoanGranted' }, 'type'],
    [{ limit: '5' }, 'limit'],
  ])('refuses %j naming %s', (query, parameter) => {
    const problem = problemOf(() => parseFeedQuery(query as Record<string, unknown>));
    expect(problem).toMatchObject({ status: 400, code: 'invalid-query' });
    expect(problem.detail).toContain(parameter);
  });

  it('bounds the page size', () => {
    expect(parseLimit({})).toBe(100);
    expect(parseLimit({ limit: '1000' })).toBe(1000);
    expect(problemOf(() => parseLimit({ limit: '0' })).detail).toContain('limit');
    expect(problemOf(() => parseLimit({ limit: '1.5' })).detail).toContain('limit');
  });
});
