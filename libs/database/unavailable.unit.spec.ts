import { isDatabaseUnavailable } from './unavailable';

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
});
