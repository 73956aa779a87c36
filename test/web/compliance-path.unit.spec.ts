/**
 * The supervision calendar's address is made from what the supervisor types (apps/web/src/hooks/compliance-path.ts):
 * typed text stays one parameter's value, and the page waits for whole months before it asks.
 */
import { compliancePath, isMonth } from '@apps/web/src/hooks/compliance-path';

describe("the supervision calendar's address", () => {
  it('keeps what was typed in its own parameter: no parameter added, no fragment cutting the address short', () => {
    const injected = new URL(compliancePath('640104', '201201&to=201203', '201512'), 'http://page');
    expect(injected.pathname).toBe('/supervision/640104/compliance');
    expect(injected.searchParams.getAll('from')).toEqual(['201201&to=201203']);
    expect(injected.searchParams.getAll('to')).toEqual(['201512']);
    const cut = new URL(compliancePath('640104', '201203#', '201512'), 'http://page');
    expect(cut.hash).toBe('');
    expect(Object.fromEntries(cut.searchParams)).toEqual({ from: '201203#', to: '201512' });
  });

  it('takes a whole month, YYYYMM, and nothing typed halfway', () => {
    expect(['201201', '201512', '201310'].map(isMonth)).toEqual([true, true, true]);
    expect(['2012', '20120', '201213', '201200', '2012-03', ''].map(isMonth)).toEqual([false, false, false, false, false, false]);
  });
});
