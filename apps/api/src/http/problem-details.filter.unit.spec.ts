import { ArgumentsHost, Logger } from '@nestjs/common';
import { ReadModelBehindError } from '@libs/read-sources';
import { ProblemDetailsFilter } from './problem-details.filter';

/** A response that records what the filter sets, and the host Nest would hand the filter. */
function answered(error: unknown) {
  const headers: Record<string, string> = {};
  const sent: { status?: number; body?: string } = {};
  const response = {
    headersSent: false,
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    status(status: number) {
      sent.status = status;
      return this;
    },
    type() {
      return this;
    },
    send: (body: string) => void (sent.body = body),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(error, host);
  return { headers, status: sent.status, body: JSON.parse(sent.body!) as { code: string; detail?: string } };
}

describe('the problem filter', () => {
  let warn: jest.SpyInstance;
  let logError: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    logError = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers a read model behind the position asked for with 503 and a short Retry-After, logged as a warning, not an error', () => {
    const { status, headers, body } = answered(new ReadModelBehindError('case-audit-trail'));
    expect(status).toBe(503);
    expect(headers['retry-after']).toBe('1');
    expect(body).toMatchObject({ code: 'read-model-behind' });
    expect(logError).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('503 read-model-behind');
  });

  it('still logs an unexpected failure as an error, without the data its message carries', () => {
    const failure = answered(new Error('boom: household of Ma Lan'));
    expect(failure.status).toBe(500);
    expect(logError).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(logError.mock.calls[0][0])).not.toContain('Ma Lan');
    expect(warn).not.toHaveBeenCalled();
  });
});
