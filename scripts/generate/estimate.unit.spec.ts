import { estimateEvents, householdsFor, programmeEvents } from './estimate';

describe('sizing the campaign by events', () => {
  it('counts the programme streams apart, so a target in events picks households for the rest', () => {
    const programme = programmeEvents(1, 2);
    expect(programme).toBeGreaterThan(100);
    const households = householdsFor(programme + 20_000, 1, 2);
    const estimate = estimateEvents(households, 1, 2);
    expect(Math.abs(estimate - (programme + 20_000))).toBeLessThan(100);
  });
});
