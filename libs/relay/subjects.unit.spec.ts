import { streamCategory, subjectOf } from './subjects';

describe('relay subjects', () => {
  it('are family-ledger.<category>.<type>.<place>, the category being the stream name before its first dash', () => {
    expect(subjectOf({ stream: 'household-1b2c-3d', type: 'HouseholdEnrolled' }, '640104')).toBe(
      'family-ledger.household.HouseholdEnrolled.640104',
    );
    expect(subjectOf({ stream: 'loan-9', type: 'LoanRepaid' })).toBe('family-ledger.loan.LoanRepaid.city');
  });

  it('use the whole stream name as category when it has no dash', () => {
    expect(streamCategory('audit')).toBe('audit');
  });

  it('replace characters NATS gives a meaning to, so one event is always one subject', () => {
    expect(subjectOf({ stream: 'a.b*c>d e-1', type: 'X.Y' }, 'a.b')).toBe('family-ledger.a_b_c_d_e.X_Y.a_b');
    expect(subjectOf({ stream: '-1', type: 'T' })).toBe('family-ledger._.T.city');
  });
});
