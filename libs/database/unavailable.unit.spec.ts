import { isDatabaseUnavailable, isTransientDatabaseError } from './unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises a server that is down, restarting or out of slots', () => {
    for (const error of [
      withCode('ECONNREFUSED'),
      withCode('57P01'),
      withCode('08006'),
      withCode('53300'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
    }
  });

  it('looks inside TypeORM wrappers, causes and AggregateErrors', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('query failed'), { driverError: withCode('57P01') }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('ECONNRESET') }))).toBe(true);
  });

  it('leaves refused queries and programming errors alone', () => {
    for (const error of [withCode('23505'), withCode('22P02'), new TypeError('x is undefined'), undefined, 'text']) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
  it("takes lock timeouts, serialization failures and deadlocks for passing states, not for the statement's fault", () => {
    for (const code of ['55P03', '40001', '40P01', '57P01']) expect(isTransientDatabaseError(withCode(code))).toBe(true);
    expect(isTransientDatabaseError(Object.assign(new Error('query failed'), { driverError: withCode('55P03') }))).toBe(true);
    // A statement timeout may be the event's own doing, every time: parked, not retried for ever.
    for (const error of [withCode('23505'), withCode('22P02'), withCode('57014'), new Error('poison')])
      expect(isTransientDatabaseError(error)).toBe(false);
  });
});
