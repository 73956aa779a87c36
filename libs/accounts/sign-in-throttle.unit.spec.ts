import { SignInThrottle } from './sign-in-throttle';

describe('the sign-in throttle', () => {
  let now = 0;
  const throttle = () => new SignInThrottle({ perUser: 3, perClient: 5, windowSeconds: 60, failureDelayMs: 0 }, () => now);
  const waitOf = (answer: ReturnType<SignInThrottle['attempt']>) => (answer.admitted ? 0 : answer.retryAfterSeconds);
  beforeEach(() => (now = 1_000_000));

  it('refuses a username after its limit of failures until the window ends', () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) expect(t.attempt('wang', `10.0.0.${i}`)).toEqual({ admitted: true, failures: i + 1 });
    expect(waitOf(t.attempt('wang', '10.0.0.9'))).toBe(60);
    now += 59_500;
    expect(waitOf(t.attempt('wang', '10.0.0.9'))).toBe(1);
    now += 500;
    expect(t.attempt('wang', '10.0.0.9')).toEqual({ admitted: true, failures: 1 });
  });

  it('counts attempts still being checked, so guesses sent at once cannot pass the limit', () => {
    const t = throttle();
    const answers = Array.from({ length: 10 }, () => t.attempt('wang', '10.0.0.1'));
    expect(answers.filter((answer) => answer.admitted)).toHaveLength(3);
  });

  it('refuses a client address after its limit across usernames, and not other addresses', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.attempt(`user${i}`, '10.0.0.1');
    expect(waitOf(t.attempt('anyone', '10.0.0.1'))).toBeGreaterThan(0);
    expect(waitOf(t.attempt('anyone', '10.0.0.2'))).toBe(0);
  });

  it('forgives a username its failures when it signs in, and does not count the right attempt against the client', () => {
    const t = throttle();
    t.attempt('wang', '10.0.0.1');
    t.attempt('wang', '10.0.0.1');
    t.succeeded('wang', '10.0.0.1');
    expect(t.attempt('wang', '10.0.0.1')).toEqual({ admitted: true, failures: 1 });
    for (let i = 0; i < 5; i++) {
      t.attempt(`ok${i}`, '10.0.0.3');
      t.succeeded(`ok${i}`, '10.0.0.3');
    }
    expect(waitOf(t.attempt('ok9', '10.0.0.3'))).toBe(0);
  });
});
