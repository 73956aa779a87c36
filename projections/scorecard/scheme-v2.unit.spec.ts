/**
 * The review's three faults in the campaign's scheme, each shown under version 1's rule (unchanged, still
 * what bimonths before version 2 are scored by) and corrected under version 2's.
 */
import { Component, parseScheme, pointsFor } from '@libs/assessment';
import { effectiveFrom } from '@libs/assessment/migrations/1765230000000-assessment-scheme-v2';
import v1 from '@libs/assessment/schemes/happy-family.v1.json';
import v2 from '@libs/assessment/schemes/happy-family.v2.json';
import { startOfLocalDay } from '@libs/calendar';
import { catalogue } from '../index';
import { accountabilityCounts, TrailFact } from './accountability-measures';
import { townshipShares } from './pilot-townships';
import { rectificationsOnTime } from './rectifications-on-time';

const [first, second] = [parseScheme(v1, catalogue), parseScheme(v2, catalogue)];
const districtComponent = (scheme: typeof first, key: string): Component =>
  scheme.components.find((c) => c.key === key && c.line !== 'departments')!;
const MAY_JUNE = { firstMonth: 201205, lastMonth: 201206, endsAt: startOfLocalDay(2012, 7, 1).getTime() };

describe("the campaign's scheme, version 2", () => {
  it('passes the checks against the catalogue, weighs what version 1 weighs, and keeps the components not at fault', () => {
    expect(second).toMatchObject({ scheme: 'happy-family', total: 100 });
    const unchanged = (c: Component) => !['responsibilities', 'certification', 'pilot-villages'].includes(c.key);
    const same = (c: Component) => !['rectifications-on-time', 'certification-goal', 'pilot-townships'].includes(c.key);
    expect(second.components.filter(same)).toEqual(first.components.filter(unchanged));
  });

  it('(a) measures the 60% goal over all households, not over those enrolled', () => {
    const base = (c: Component) => catalogue.find(c.measure.slice('indicator:'.length))!.denominator?.label;
    expect(base(districtComponent(first, 'certification'))).toBe('active enrolled households');
    expect(base(districtComponent(second, 'certification-goal'))).toBe('households living in the org unit (register)');
    // 2 certified of 5 enrolled, in villages where 20 households live: 40% is not a third of the way to 60% of families.
    expect(pointsFor(districtComponent(first, 'certification'), 2 / 5)).toBe(13.33);
    expect(pointsFor(districtComponent(second, 'certification-goal'), 2 / 20)).toBe(3.33);
  });

  it("(b) judges pilot villages per township: one township's pilots do not cover another's none", () => {
    // Two townships of six villages each: the first with two pilots (33%), the second with none.
    const townships = [
      { orgUnit: '640104001', value: 2 / 6 },
      { orgUnit: '640104002', value: 0 },
      { orgUnit: '640105001', value: 1 / 6 },
      { orgUnit: '640105002', value: null },
    ];
    const districtCoverage = 2 / 12;
    expect(pointsFor(districtComponent(first, 'pilot-villages'), districtCoverage)).toBe(10);
    const shares = townshipShares(townships, catalogue.find('pilot-village-coverage')!.target!.value);
    // Xingqing: one township of two meets 15%; Xixia: its one township with villages does.
    expect([...shares]).toEqual([
      ['640104', 0.5],
      ['640105', 1],
    ]);
    expect(pointsFor(districtComponent(second, 'pilot-townships'), shares.get('640104')!)).toBe(5);
  });

  it('(c) scores duties carried out by their deadline, not duties merely falling due', () => {
    const fact = (subjectId: string, type: string, occurredAt: string, data: TrailFact['data'] = {}): TrailFact => ({
      subjectId,
      type,
      unit: '640104',
      occurredAt,
      data,
    });
    const facts = [
      fact('r', 'ResponsibilityAssigned', '2012-03-01T02:00:00.000Z', { duePeriod: '201206' }),
      fact('a', 'CaseOpened', '2012-05-01T02:00:00.000Z'),
      fact('a', 'RectificationOrdered', '2012-05-02T02:00:00.000Z', { round: 1, deadline: '2012-06-10T02:00:00.000Z' }),
      fact('a', 'RectificationReported', '2012-06-20T02:00:00.000Z', { round: 1, late: true }),
    ];
    // Version 1: a responsibility fell due, so the whole weight, whatever became of it.
    const due = accountabilityCounts(facts, MAY_JUNE).get('640104')!['responsibilities-due'];
    expect(pointsFor(districtComponent(first, 'responsibilities'), due)).toBe(5);
    // Version 2: the one rectification due was reported late: nothing discharged on time.
    const duties = rectificationsOnTime(facts, MAY_JUNE).get('640104')!;
    expect(duties).toEqual({ due: 1, onTime: 0 });
    expect(pointsFor(districtComponent(second, 'rectifications-on-time'), duties.onTime / duties.due)).toBe(0);
    // Nothing falling due is nothing missed: the whole weight, the value null.
    expect(pointsFor(districtComponent(second, 'rectifications-on-time'), null)).toBe(5);
  });

  it('takes effect from its own date, or from the bimonth in progress when migrated later, never earlier', () => {
    expect(effectiveFrom('2026-11-01', 202612)).toBe('2026-11-01');
    expect(effectiveFrom('2026-11-01', 202609)).toBe('2026-11-01');
    expect(effectiveFrom('2026-11-01', 202702)).toBe('2027-01-01');
    expect(effectiveFrom('2026-11-01', 202704)).toBe('2027-03-01');
  });
});
