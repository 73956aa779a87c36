import { Principal } from './principal';
import { VerifiedTokens } from './verified-tokens';

const principal: Principal = { sub: 'staff-17', roles: ['registrar'], ou: '640104', scopes: [] };

describe('verified tokens', () => {
  let now = 1_000_000_000_000;
  const clock = () => now;

  it('answers a remembered token until it expires', () => {
    const tokens = new VerifiedTokens(10, 60_000, clock);
    tokens.remember('a', principal, now / 1000 + 30);
    now += 29_000;
    expect(tokens.get('a')).toEqual(principal);
    now += 1_000;
    expect(tokens.get('a')).toBeUndefined();
  });

  it('forgets a long-lived token after the bound, so a withdrawn key stops counting soon', () => {
    const tokens = new VerifiedTokens(10, 60_000, clock);
    tokens.remember('b', principal, now / 1000 + 3_600);
    now += 59_999;
    expect(tokens.get('b')).toBeDefined();
    now += 1;
    expect(tokens.get('b')).toBeUndefined();
  });

  it('keeps at most its size, dropping the oldest', () => {
    const tokens = new VerifiedTokens(2, 60_000, clock);
    for (const token of ['x', 'y', 'z']) tokens.remember(token, principal, now / 1000 + 30);
    expect([tokens.get('x'), tokens.get('y'), tokens.get('z')].map(Boolean)).toEqual([false, true, true]);
  });

  it('hands out a principal no caller can change for the next', () => {
    const tokens = new VerifiedTokens(10, 60_000, clock);
    const remembered = tokens.remember('c', principal, now / 1000 + 30);
    expect(Object.isFrozen(remembered) && Object.isFrozen(remembered.roles) && Object.isFrozen(remembered.scopes)).toBe(true);
  });
});
