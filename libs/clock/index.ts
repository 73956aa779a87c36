/** Time enters the system through this port, so deciders and tests never read the wall clock themselves. */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: starts where told and moves only when asked. */
export class ManualClock implements Clock {
  constructor(private current: Date = new Date('2012-03-01T08:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
