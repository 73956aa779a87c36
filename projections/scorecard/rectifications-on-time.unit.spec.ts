import { startOfLocalDay } from '@libs/calendar';
import { TrailFact } from './accountability-measures';
import { rectificationsOnTime } from './rectifications-on-time';

/** May-June 2012: from midnight on 1 May to midnight on 1 July, Beijing time. */
const MAY_JUNE = { firstMonth: 201205, lastMonth: 201206, endsAt: startOfLocalDay(2012, 7, 1).getTime() };
const fact = (subjectId: string, type: string, occurredAt: string, data: TrailFact['data'] = {}, unit = '640104'): TrailFact => ({
  subjectId,
  type,
  unit,
  occurredAt,
  data,
});
const at = (day: string) => `2012-${day}T02:00:00.000Z`;
const ordered = (id: string, deadline: string, round = 1) => [
  ...(round === 1 ? [fact(id, 'CaseOpened', at('04-01'))] : []),
  fact(id, 'RectificationOrdered', at('04-02'), { round, deadline }),
];

describe('rectifications discharged on time in a bimonth', () => {
  it('counts those falling due in it, and of them those reported by the deadline and not rejected', () => {
    const counts = rectificationsOnTime(
      [
        // Reported on time, accepted: discharged.
        ...ordered('a', at('06-10')),
        fact('a', 'RectificationReported', at('06-01'), { round: 1, late: false }),
        fact('a', 'RectificationAccepted', at('06-05'), { round: 1 }),
        // Reported after its deadline: late.
        ...ordered('b', at('05-20')),
        fact('b', 'RectificationReported', at('05-25'), { round: 1, late: true }),
        // Reported on time, then rejected: not discharged.
        ...ordered('c', at('06-20')),
        fact('c', 'RectificationReported', at('06-01'), { round: 1, late: false }),
        fact('c', 'RectificationRejected', at('06-05'), { round: 1 }),
        // Rejected, then reported again before the deadline: discharged.
        ...ordered('d', at('06-25')),
        fact('d', 'RectificationReported', at('06-01'), { round: 1, late: false }),
        fact('d', 'RectificationRejected', at('06-05'), { round: 1 }),
        fact('d', 'RectificationReported', at('06-20'), { round: 1, late: false }),
        // Never reported: due, missed.
        ...ordered('e', at('05-15')),
      ],
      MAY_JUNE,
    );
    expect(counts.get('640104')).toEqual({ due: 5, onTime: 2 });
  });

  it('leaves out orders falling due in another bimonth, and orders let go by closing the case before the deadline', () => {
    const counts = rectificationsOnTime(
      [
        ...ordered('a', at('04-30')),
        // Due at 00:00 on 1 July, Beijing time: July's.
        ...ordered('b', '2012-06-30T16:00:00.000Z'),
        ...ordered('c', at('06-10')),
        fact('c', 'CaseClosed', at('06-01')),
        // Closed after its deadline passed unreported: still missed.
        ...ordered('d', at('05-10')),
        fact('d', 'CaseClosed', at('05-20')),
      ],
      MAY_JUNE,
    );
    expect(counts.get('640104')).toEqual({ due: 1, onTime: 0 });
  });

  it('reads the trail as it stood at the end of the bimonth, a second round apart from the first, per unit', () => {
    const counts = rectificationsOnTime(
      [
        ...ordered('a', at('05-10')),
        fact('a', 'RectificationReported', at('05-05'), { round: 1, late: false }),
        fact('a', 'RectificationRejected', at('05-08'), { round: 1 }),
        fact('a', 'RectificationOrdered', at('05-12'), { round: 2, deadline: at('06-15') }),
        fact('a', 'RectificationReported', at('06-10'), { round: 2, late: false }),
        // Rejected in July: in May-June the report stood.
        fact('a', 'RectificationRejected', '2012-07-02T02:00:00.000Z', { round: 2 }),
        fact('x', 'CaseOpened', at('04-01'), {}, '640105'),
        fact('x', 'RectificationOrdered', at('04-02'), { round: 1, deadline: at('05-01') }, '640105'),
        // A report without the late flag is judged against the deadline.
        fact('x', 'RectificationReported', at('04-20'), { round: 1 }, '640105'),
      ],
      MAY_JUNE,
    );
    expect(counts.get('640104')).toEqual({ due: 2, onTime: 1 });
    expect(counts.get('640105')).toEqual({ due: 1, onTime: 1 });
  });
});

describe('rectifications of a case closed and reopened, and of a bimonth in progress', () => {
  it('counts again an order let go by closing the case once the case reopens', () => {
    const counts = rectificationsOnTime(
      [
        ...ordered('a', at('06-10')),
        fact('a', 'CaseClosed', at('05-10')),
        // Reopened: the rectification stands as it was at closing, owed again by its deadline.
        fact('a', 'CaseReopened', at('05-20')),
      ],
      MAY_JUNE,
    );
    expect(counts.get('640104')).toEqual({ due: 1, onTime: 0 });
  });

  it('does not count as missed a deadline still to come when the trail is read, but counts one already discharged', () => {
    const asOf = Date.parse(at('05-31'));
    const trail = [
      // Not reported yet, its deadline still to come on 31 May: not yet due.
      ...ordered('a', at('06-10')),
      // Reported early: discharged.
      ...ordered('b', at('06-20')),
      fact('b', 'RectificationReported', at('05-20'), { round: 1, late: false }),
      // Its deadline passed unreported: missed.
      ...ordered('c', at('05-15')),
    ];
    expect(rectificationsOnTime(trail, MAY_JUNE, asOf).get('640104')).toEqual({ due: 2, onTime: 1 });
    // Read after the bimonth's end, the first is missed too.
    expect(rectificationsOnTime(trail, MAY_JUNE).get('640104')).toEqual({ due: 3, onTime: 1 });
  });
});
