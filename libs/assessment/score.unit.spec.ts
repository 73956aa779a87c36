import { scoredPeriod, ScorePeriodError, versionInEffect } from './periods';
import { rankScores, withChange } from './rank';
import { Component, Measure, SchemeVersion } from './scheme';
import { pointsFor, scoreBimonth, scoreYear, UnitScore } from './score';

const version = (n: number, effectiveFrom: string, components: Component[]): SchemeVersion => ({
  scheme: 'test',
  title: 'test scheme',
  effectiveFrom,
  total: 100,
  sources: ['hand-made'],
  components,
  version: n,
  loadedBy: 'test',
  loadedAt: '2012-01-01T00:00:00.000Z',
});
const component = (
  key: string,
  line: Component['line'],
  measure: Measure,
  weight: number,
  target: number,
  rule: Component['rule'],
): Component => ({
  key,
  title: key,
  line,
  measure,
  weight,
  target,
  rule,
});

/** January to June under v1, July to December under v2 (weights and rules both change). */
const v1 = version(1, '2012-01-01', [
  component('supervision', 'party-government', 'supervision-compliance', 40, 1, { kind: 'linear' }),
  component('cases', 'party-government', 'cases-opened', 20, 0, { kind: 'penalty', perCase: 5 }),
  component('satisfaction', 'family-planning', 'indicator:satisfaction-rate', 40, 0.9, { kind: 'linear' }),
]);
const v2 = version(2, '2012-07-01', [
  component('supervision', 'party-government', 'supervision-compliance', 30, 1, { kind: 'linear' }),
  component('cases', 'party-government', 'cases-opened', 20, 0, { kind: 'penalty', perCase: 10 }),
  component('satisfaction', 'family-planning', 'indicator:satisfaction-rate', 50, 0.9, { kind: 'threshold' }),
]);

/** 640104's measured values, bimonth by bimonth. */
const measured: Record<string, Record<string, number | null>> = {
  '201201B': { 'supervision-compliance': 1, 'cases-opened': 0, 'indicator:satisfaction-rate': 0.9 },
  '201202B': { 'supervision-compliance': 0.5, 'cases-opened': 1, 'indicator:satisfaction-rate': 0.45 },
  '201203B': { 'supervision-compliance': 1, 'cases-opened': 3, 'indicator:satisfaction-rate': 0.81 },
  '201204B': { 'supervision-compliance': 1, 'cases-opened': 0, 'indicator:satisfaction-rate': 0.95 },
  '201205B': { 'supervision-compliance': 2 / 3, 'cases-opened': 1, 'indicator:satisfaction-rate': 0.8 },
  '201206B': { 'supervision-compliance': 1, 'cases-opened': 0, 'indicator:satisfaction-rate': null },
};

function bimonths(pinned?: SchemeVersion): UnitScore[] {
  return scoredPeriod('2012', 201212).bimonths.map((b) => {
    const scheme = pinned ?? versionInEffect([v1, v2], b.firstMonth)!;
    return scoreBimonth(scheme, 'district', '640104', b.code, (_unit, measure) => measured[b.code][measure]);
  });
}

describe('scoring rules', () => {
  it('gives linear points in proportion to the target, never above the weight', () => {
    expect(pointsFor({ weight: 40, target: 0.9, rule: { kind: 'linear' } }, 0.45)).toBe(20);
    expect(pointsFor({ weight: 40, target: 0.9, rule: { kind: 'linear' } }, 0.99)).toBe(40);
    expect(pointsFor({ weight: 40, target: 0.9, rule: { kind: 'linear' } }, 0.8)).toBe(35.56);
  });

  it('gives a threshold all or nothing', () => {
    expect(pointsFor({ weight: 10, target: 0.15, rule: { kind: 'threshold' } }, 0.15)).toBe(10);
    expect(pointsFor({ weight: 10, target: 0.15, rule: { kind: 'threshold' } }, 0.149)).toBe(0);
  });

  it('takes a penalty per case above the target, never below zero', () => {
    expect(pointsFor({ weight: 20, target: 0, rule: { kind: 'penalty', perCase: 5 } }, 3)).toBe(5);
    expect(pointsFor({ weight: 20, target: 1, rule: { kind: 'penalty', perCase: 5 } }, 3)).toBe(10);
    expect(pointsFor({ weight: 20, target: 0, rule: { kind: 'penalty', perCase: 5 } }, 9)).toBe(0);
  });

  it('gives no points where nothing was measured, unless the component says nothing due is nothing missed', () => {
    expect(pointsFor({ weight: 40, target: 0.9, rule: { kind: 'linear' } }, null)).toBe(0);
    expect(pointsFor({ weight: 5, target: 1, rule: { kind: 'linear' }, noValue: 'none' }, null)).toBe(0);
    expect(pointsFor({ weight: 5, target: 1, rule: { kind: 'linear' }, noValue: 'full' }, null)).toBe(5);
    expect(pointsFor({ weight: 5, target: 1, rule: { kind: 'linear' }, noValue: 'full' }, 0)).toBe(0);
  });
});

describe('a year with a scheme change on 1 July', () => {
  it('scores each bimonth under the version in effect', () => {
    const scores = bimonths();
    expect(scores.map((s) => s.total)).toEqual([100, 55, 81, 100, 30, 50]);
    expect(scores.map((s) => s.schemes[0].version)).toEqual([1, 1, 1, 2, 2, 2]);
    // 201205B under v2: supervision 30 × 2/3 = 20, one case −10 = 10, satisfaction 0.8 under the 0.9 threshold = 0.
    expect(scores[4].components.map((c) => [c.key, c.value, c.target, c.points])).toEqual([
      ['supervision', 2 / 3, 1, 20],
      ['cases', 1, 0, 10],
      ['satisfaction', 0.8, 0.9, 0],
    ]);
    expect(scores[4].lines).toEqual({ 'party-government': 30, 'family-planning': 0 });
  });

  it('makes the year the mean of its bimonths, line by line', () => {
    const year = scoreYear('2012', bimonths());
    // (100 + 55 + 81 + 100 + 30 + 50) / 6 = 69.33; lines (60+35+45+50+30+50)/6 = 45 and (40+20+36+50+0+0)/6 = 24.33.
    expect(year.total).toBe(69.33);
    expect(year.lines).toEqual({ 'party-government': 45, 'family-planning': 24.33 });
    const satisfaction = year.components.find((c) => c.key === 'satisfaction')!;
    expect(satisfaction).toMatchObject({ points: 24.33, weight: 50, rule: 'threshold' });
    expect(satisfaction.value).toBeCloseTo((0.9 + 0.45 + 0.81 + 0.95 + 0.8) / 5, 10);
    expect(year.schemes.map((s) => `${s.period}@${s.version}`)).toEqual([
      '201201B@1',
      '201202B@1',
      '201203B@1',
      '201204B@2',
      '201205B@2',
      '201206B@2',
    ]);
  });

  it('rescores the whole year under the first version as a result of its own, leaving the official one as it was', () => {
    const rescore = scoreYear('2012', bimonths(v1));
    // The second half under v1: 100; 26.67 + 15 + 35.56 = 77.23; 40 + 20 + 0 = 60. (100+55+81+100+77.23+60)/6 = 78.87.
    expect(rescore.total).toBe(78.87);
    expect(scoreYear('2012', bimonths()).total).toBe(69.33);
  });
});

describe('ranks and changes', () => {
  const score = (unit: string, total: number, period = '201203B'): UnitScore => ({
    unit,
    period,
    total,
    lines: {},
    components: [],
    schemes: [],
  });

  it('ranks the highest first and lets equal totals share a rank', () => {
    const ranked = rankScores([score('640105', 80), score('640104', 90), score('640106', 80), score('640121', 70)]);
    expect(ranked.map((r) => [r.unit, r.rank])).toEqual([
      ['640104', 1],
      ['640105', 2],
      ['640106', 2],
      ['640121', 4],
    ]);
  });

  it('says how far each unit moved since the previous period', () => {
    const now = [score('640104', 90), score('640105', 95)];
    const before = [score('640104', 92, '201202B'), score('640105', 60, '201202B')];
    expect(withChange(now, before).map((r) => [r.unit, r.rank, r.change])).toEqual([
      ['640105', 1, { period: '201202B', total: 60, rank: 2, totalChange: 35, rankChange: 1 }],
      ['640104', 2, { period: '201202B', total: 92, rank: 1, totalChange: -2, rankChange: -1 }],
    ]);
    expect(withChange(now, undefined).every((r) => r.change === null)).toBe(true);
  });
});

describe('scored periods', () => {
  it('scores a bimonth and knows the one before, across a year end', () => {
    expect(scoredPeriod('201203B', 201212)).toMatchObject({
      kind: 'bimonth',
      previous: '201202B',
      bimonths: [{ firstMonth: 201205, lastMonth: 201206 }],
    });
    expect(scoredPeriod('201201B', 201212).previous).toBe('201106B');
  });

  it('scores a year in progress from the bimonths begun', () => {
    expect(scoredPeriod('2012', 201205).bimonths.map((b) => b.code)).toEqual(['201201B', '201202B', '201203B']);
    expect(scoredPeriod('2012', 201205).previous).toBe('2011');
  });

  it('refuses other periods, malformed ones and the future', () => {
    const codeOf = (pe: string) => {
      try {
        scoredPeriod(pe, 201212);
      } catch (error) {
        return (error as ScorePeriodError).code;
      }
    };
    expect([codeOf('2012Q1'), codeOf('12'), codeOf('2013')]).toEqual(['invalid-period', 'invalid-period', 'future-period']);
    expect(() => scoredPeriod('2012Q1', 201212)).toThrow(/neither a year/);
    expect(() => scoredPeriod('12', 201212)).toThrow(/is not a period/);
    expect(() => scoredPeriod('2013', 201212)).toThrow(/has not begun/);
    expect(() => scoredPeriod('201301B', 201212)).toThrow(/has not begun/);
  });

  it('finds the version in effect, the later loaded of two taking effect the same day', () => {
    const v3 = { ...v2, version: 3 };
    expect(versionInEffect([v1, v2], 201205)?.version).toBe(1);
    expect(versionInEffect([v1, v2], 201207)?.version).toBe(2);
    expect(versionInEffect([v1, v2, v3], 201211)?.version).toBe(3);
    expect(versionInEffect([v1, v2], 201111)).toBeUndefined();
  });
});
