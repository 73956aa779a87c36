import { boundInstant, isInstant, utcInstant } from './instant';

describe('instants in requests', () => {
  it('reads a bare date bounding a span as the start of that day in Beijing time, not midnight UTC', () => {
    expect(boundInstant('2012-03-01', 'from')).toBe('2012-02-29T16:00:00.000Z');
    expect(boundInstant('2012-04-01T00:00:00Z', 'to')).toBe('2012-04-01T00:00:00.000Z');
    expect(boundInstant('2012-03-01T08:00:00+08:00', 'from')).toBe('2012-03-01T00:00:00.000Z');
  });

  it('refuses the ISO 8601 forms the service would misread, naming the field', () => {
    for (const text of ['2012-W01-1', '20120101', '2012-010', '2012-02-30', '2012-03-01T10:00:00,5']) expect(isInstant(text)).toBe(false);
    expect(() => utcInstant('2012-010', 'deadline')).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'invalid-request' }) }),
    );
    expect(() => boundInstant('2012-02-30', 'from')).toThrow();
  });
});
