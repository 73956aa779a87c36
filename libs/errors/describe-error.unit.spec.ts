import { describeError } from './describe-error';

describe('describeError', () => {
  it('says something in words when a library rejects with nothing', () => {
    expect(describeError(undefined)).toBe('failed without saying why (no error was given)');
    expect(describeError(null)).not.toMatch(/null|undefined/);
  });

  it('names what each attempt of an AggregateError met', () => {
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    expect(describeError(new AggregateError([refused('::1:5432'), refused('127.0.0.1:5432')]))).toBe(
      'connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432',
    );
  });

  it('adds the code and the cause, and masks a password in a URL', () => {
    const error = new Error('cannot open postgres://ledger:s3cret@db:5432/x', {
      cause: Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }),
    });
    expect(describeError(error)).toBe('cannot open postgres://ledger:***@db:5432/x: timeout (ETIMEDOUT)');
  });

  it('writes plain objects as JSON rather than [object Object]', () => {
    expect(describeError({ reason: 'gone' })).toBe('{"reason":"gone"}');
  });
});
