import fc from 'fast-check';
import { validateSync } from 'class-validator';
import { deadlineInstant, instantDescription, IsInstant, isInstant, utcInstant } from './instant';

// Every expected value is written out in UTC: none is computed with the process's time zone, which the
// functions must not consult (instant-time-zones.unit.spec.ts runs them under other TZ values).
const HOUR = 3_600_000;

describe('instants in requests', () => {
  it('keeps an instant with Z or an offset as it is', () => {
    expect(utcInstant('2012-03-01T10:00:00Z', 'occurredAt')).toBe('2012-03-01T10:00:00.000Z');
    expect(utcInstant('2012-03-01T10:00-05:00', 'occurredAt')).toBe('2012-03-01T15:00:00.000Z');
    expect(utcInstant('2012-03-01T10:00:00+0800', 'occurredAt')).toBe('2012-03-01T02:00:00.000Z');
    expect(deadlineInstant('2012-03-31T23:00:00Z')).toBe('2012-03-31T23:00:00.000Z');
  });

  it('reads a date-time without an offset as Beijing time, not the server zone nor UTC', () => {
    expect(utcInstant('2012-03-01T10:00', 'occurredAt')).toBe('2012-03-01T02:00:00.000Z');
    expect(utcInstant('2012-03-01T10:00:30.5', 'deliveredAt')).toBe('2012-03-01T02:00:30.500Z');
    expect(utcInstant('2012-03-01T00:30:00', 'occurredAt')).toBe('2012-02-29T16:30:00.000Z');
    expect(deadlineInstant('2012-03-31T18:00')).toBe('2012-03-31T10:00:00.000Z');
  });

  it('reads a bare date for a point in time or a bound as the start of that Beijing day', () => {
    expect(utcInstant('2012-03-01', 'occurredAt')).toBe('2012-02-29T16:00:00.000Z');
    expect(utcInstant('2013-01-01', 'from')).toBe('2012-12-31T16:00:00.000Z');
  });

  it('reads a bare-date deadline as the last millisecond of that Beijing day', () => {
    expect(deadlineInstant('2012-03-31')).toBe('2012-03-31T15:59:59.999Z');
    expect(deadlineInstant('2012-02-29')).toBe('2012-02-29T15:59:59.999Z');
    expect(deadlineInstant('2012-12-31')).toBe('2012-12-31T15:59:59.999Z');
    expect(utcInstant('2012-03-31', 'asOf', 'end-of-day')).toBe('2012-03-31T15:59:59.999Z');
  });

  it('keeps a report at 10:00 Beijing time on the deadline day on time, and one at 00:00 the next day late', () => {
    const deadline = Date.parse(deadlineInstant('2012-03-31'));
    expect(Date.parse(utcInstant('2012-03-31T10:00', 'occurredAt'))).toBeLessThan(deadline);
    expect(Date.parse(utcInstant('2012-03-31T23:59:59.999', 'occurredAt'))).toBe(deadline);
    expect(Date.parse(utcInstant('2012-04-01', 'occurredAt'))).toBeGreaterThan(deadline);
  });

  it('reads any Beijing wall-clock time back as the instant it shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => {
        const wallClock = new Date(ms + 8 * HOUR).toISOString().slice(0, 23);
        return utcInstant(wallClock, 'occurredAt') === new Date(ms).toISOString();
      }),
      { numRuns: 1000 },
    );
  });

  it('puts a bare deadline one day less a millisecond after the same date as a point', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => {
        const date = new Date(ms).toISOString().slice(0, 10);
        return Date.parse(deadlineInstant(date)) - Date.parse(utcInstant(date, 'occurredAt')) === 24 * HOUR - 1;
      }),
      { numRuns: 500 },
    );
  });

  it('refuses the ISO 8601 forms the service would misread, naming the field', () => {
    const misread = ['2012-W01-1', '20120101', '2012-010', '2012-02-30', '2012-02-30T10:00', '2012-03-01T10:00:00,5', '2012-03-01Z'];
    for (const text of [...misread, '2012-03-01T10', '2012-03-01T10:00+08', '', 42, null]) expect(isInstant(text)).toBe(false);
    expect(() => utcInstant('2012-010', 'deadline')).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'invalid-request' }) }),
    );
    expect(() => deadlineInstant('2012-02-30')).toThrow();
  });

  it('says the rule in its messages, naming the field and never quoting the value', () => {
    const refusal = (() => {
      try {
        deadlineInstant('2012-02-30');
      } catch (error) {
        return JSON.stringify((error as { problem: unknown }).problem);
      }
    })();
    expect(refusal).toContain('deadline must be an ISO 8601 date-time');
    expect(refusal).toContain('the end of that day in Beijing');
    expect(refusal).not.toContain('2012-02-30');

    class Body {
      @IsInstant()
      occurredAt!: string;

      @IsInstant({ bareDate: 'end-of-day' })
      deadline!: string;
    }
    const errors = validateSync(Object.assign(new Body(), { occurredAt: '2012-13-01', deadline: '31/03/2012' }));
    const messages = Object.fromEntries(errors.map((e) => [e.property, e.constraints?.isInstant]));
    expect(messages.occurredAt).toMatch(/^occurredAt must be .*Beijing time.*the start of that day in Beijing/);
    expect(messages.deadline).toMatch(/^deadline must be .*Beijing time.*the end of that day in Beijing/);
    expect(JSON.stringify(messages)).not.toMatch(/2012-13-01|31\/03\/2012/);
  });

  it('tells an API user the same rule in the OpenAPI descriptions', () => {
    expect(instantDescription()).toMatch(/without an offset it is Beijing time .*start of that day in Beijing/);
    expect(instantDescription('end-of-day')).toMatch(/end of that day in Beijing \(23:59:59\.999\+08:00\)/);
  });
});
