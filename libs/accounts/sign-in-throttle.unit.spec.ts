import { SignInThrottle } from './sign-in-throttle';

describe('the sign-in throttle', () => {
  let now = 0;
  const throttle = () => new SignInThrottle({ perUser: 3, perClient: 5, windowSeconds: 60, failureDelayMs: 0 }, () => now);
  beforeEach(() => (now = 1_000_000));

  it('refuses a username after its limit of failures until the window ends', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter('wang', `10.0.0.${i}`)).toBe(0);
      t.failed('wang', `10.0.0.${i}`);
    }
    expect(t.retryAfter('wang', '10.0.0.9')).toBe(60);
    now += 59_500;
    expect(t.retryAfter('wang', '10.0.0.9')).toBe(1);
    now += 500;
    expect(t.retryAfter('wang', '10.0.0.9')).toBe(0);
  });

  it('refuses a client address after its limit across usernames, and not other addresses', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.failed(`user${i}`, '10.0.0.1');
    expect(t.retryAfter('anyone', '10.0.0.1')).toBeGreaterThan(0);
    expect(t.retryAfter('anyone', '10.0.0.2')).toBe(0);
  });

  it('forgives a username its failures when it signs in', () => {
    const t = throttle();
    t.failed('wang', '10.0.0.1');
    t.failed('wang', '10.0.0.1');
    t.succeeded('wang');
    expect(t.failed('wang', '10.0.0.1')).toBe(1);
  });
});
