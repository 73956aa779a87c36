import { bulletinCompliance, monthsBetween, nextMonth, visitCompliance } from './compliance';

const wang = { supervisorId: 'sup-wang', from: '2012-01-01T00:00:00.000Z', until: null };

describe('supervision compliance', () => {
  it('counts months across the turn of a year', () => {
    expect(nextMonth('201212')).toBe('201301');
    expect(monthsBetween('201211', '201302')).toEqual(['201211', '201212', '201301', '201302']);
  });

  it('flags each month as visited on time, late, missing or still pending', () => {
    const visits = [
      { period: '201201', recordedAt: '2012-01-20T02:00:00.000Z' },
      { period: '201202', recordedAt: '2012-03-02T02:00:00.000Z' },
    ];
    expect(visitCompliance(monthsBetween('201201', '201204'), visits, [wang], '201204').map((m) => [m.period, m.status])).toEqual([
      ['201201', 'on-time'],
      ['201202', 'late'],
      ['201203', 'missing'],
      ['201204', 'pending'],
    ]);
  });

  it('judges lateness on the city calendar: recorded at 23:00 UTC on the last day is already next month', () => {
    const visits = [{ period: '201202', recordedAt: '2012-02-29T23:00:00.000Z' }];
    expect(visitCompliance(['201202'], visits, [wang], '201206')[0].status).toBe('late');
  });

  it('does not count a month no supervisor was in office as missing', () => {
    const term = { supervisorId: 'sup-wang', from: '2012-03-10T00:00:00.000Z', until: '2012-04-10T00:00:00.000Z' };
    expect(visitCompliance(monthsBetween('201202', '201205'), [], [term], '201206').map((m) => m.status)).toEqual([
      'unsupervised',
      'missing',
      'missing',
      'unsupervised',
    ]);
  });

  it('expects a bulletin per bimonth by the end of the month after it', () => {
    const bulletins = [
      { period: '201201B', recordedAt: '2012-03-31T10:00:00.000Z' },
      { period: '201202B', recordedAt: '2012-06-01T10:00:00.000Z' },
    ];
    expect(bulletinCompliance(monthsBetween('201201', '201208'), bulletins, [wang], '201208')).toEqual([
      { period: '201201B', dueBy: '201203', reports: 1, status: 'on-time' },
      { period: '201202B', dueBy: '201205', reports: 1, status: 'late' },
      { period: '201203B', dueBy: '201207', reports: 0, status: 'missing' },
      { period: '201204B', dueBy: '201209', reports: 0, status: 'pending' },
    ]);
  });
});
