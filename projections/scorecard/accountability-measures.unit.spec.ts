import { parseScheme } from '@libs/assessment';
import shipped from '@libs/assessment/schemes/happy-family.v1.json';
import { startOfLocalDay } from '@libs/calendar';
import { catalogue } from '../index';
import { accountabilityCounts, TrailFact } from './accountability-measures';

/** May-June 2012; it ends at midnight, Beijing time, on 1 July (16:00 UTC on 30 June). */
const MAY_JUNE = { firstMonth: 201205, lastMonth: 201206, endsAt: startOfLocalDay(2012, 7, 1).getTime() };
const fact = (subjectId: string, type: string, occurredAt: string, data: TrailFact['data'] = {}, unit = '640104'): TrailFact => ({
  subjectId,
  type,
  unit,
  occurredAt,
  data,
});

describe('accountability measures of a bimonth', () => {
  it('counts cases opened in it, open at its end, and overdue at its end', () => {
    const counts = accountabilityCounts(
      [
        // Opened in March, ordered to rectify by 10 June, never reported: open and overdue, not opened in May-June.
        fact('a', 'CaseOpened', '2012-03-01T02:00:00.000Z'),
        fact('a', 'RectificationOrdered', '2012-03-02T02:00:00.000Z', { deadline: '2012-06-10T02:00:00.000Z' }),
        // Opened in May, reported in time: open, not overdue.
        fact('b', 'CaseOpened', '2012-05-01T02:00:00.000Z'),
        fact('b', 'RectificationOrdered', '2012-05-02T02:00:00.000Z', { deadline: '2012-06-10T02:00:00.000Z' }),
        fact('b', 'RectificationReported', '2012-06-01T02:00:00.000Z'),
        // Reported, then rejected: owed again, by its deadline, overdue.
        fact('c', 'CaseOpened', '2012-05-03T02:00:00.000Z'),
        fact('c', 'RectificationOrdered', '2012-05-04T02:00:00.000Z', { deadline: '2012-06-20T02:00:00.000Z' }),
        fact('c', 'RectificationReported', '2012-06-01T02:00:00.000Z'),
        fact('c', 'RectificationRejected', '2012-06-05T02:00:00.000Z'),
        // Opened and closed in June: opened, not open.
        fact('d', 'CaseOpened', '2012-06-01T02:00:00.000Z'),
        fact('d', 'CaseClosed', '2012-06-02T02:00:00.000Z'),
        // Opened at 00:30 on 1 July, Beijing time (16:30 UTC on 30 June): July's, not June's.
        fact('e', 'CaseOpened', '2012-06-30T16:30:00.000Z'),
        // Another district's case.
        fact('f', 'CaseOpened', '2012-05-05T02:00:00.000Z', {}, '640105'),
      ],
      MAY_JUNE,
    );
    expect(counts.get('640104')).toEqual({ 'cases-opened': 3, 'cases-open': 3, 'cases-overdue': 2, 'responsibilities-due': 0 });
    expect(counts.get('640105')).toEqual({ 'cases-opened': 1, 'cases-open': 1, 'cases-overdue': 0, 'responsibilities-due': 0 });
  });

  it('counts the responsibilities assigned by its end whose due period ends in it', () => {
    const due = (duePeriod: string, at = '2012-03-01T02:00:00.000Z') => fact('r', 'ResponsibilityAssigned', at, { duePeriod });
    const counts = accountabilityCounts(
      [due('201206'), due('2012Q2'), due('2012S1'), due('201203B'), due('2012Q3'), due('bad'), due('201206', '2012-07-02T02:00:00.000Z')],
      MAY_JUNE,
    );
    expect(counts.get('640104')?.['responsibilities-due']).toBe(4);
  });
});

describe("the campaign's scheme", () => {
  it('passes the checks against the indicator catalogue the service answers from', () => {
    expect(parseScheme(shipped, catalogue)).toMatchObject({ scheme: 'happy-family', effectiveFrom: '2012-01-01', total: 100 });
  });
});
