import { wilsonInterval } from './wilson';

describe('Wilson 95% interval', () => {
  it('matches the hand-computed interval for 45 satisfied of 50', () => {
    // p = 0.9, z^2/n = 0.076832; centre = (0.9 + 0.038416) / 1.076832 = 0.871466; half = 1.96 * sqrt(0.0018 + 0.00038416) / 1.076832 = 0.085050
    const interval = wilsonInterval(45, 50)!;
    expect(interval.lower).toBeCloseTo(0.7864, 4);
    expect(interval.upper).toBeCloseTo(0.9565, 4);
  });

  it('stays inside 0..1 at the edges and has no interval without trials', () => {
    expect(wilsonInterval(0, 10)!.lower).toBe(0);
    expect(wilsonInterval(10, 10)!.upper).toBe(1);
    expect(wilsonInterval(10, 10)!.lower).toBeCloseTo(0.7225, 4);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});
