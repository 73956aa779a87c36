import { allowedRoles, findPolicy, matchesPath, PolicyEntry } from './policy';
import { POLICY } from './policy-table';

describe('policy route patterns', () => {
  it.each([
    ['/households', '/households', true],
    ['/households/:', '/households/:id', true],
    ['/households/:', '/households/list', false],
    ['/households/:/needs', '/households/:id/needs', true],
    ['/households/:/needs', '/households/:id/needs/:needId', false],
    ['/households/:/services/:/satisfaction', '/households/:id/services/:serviceId/satisfaction', true],
    ['/cases/:/**', '/cases/:id/close', true],
    ['/cases/:/**', '/cases/:id', true],
    ['/feed/**', '/feed', true],
    ['/feed/**', '/feeds', false],
    ['/supervision/*', '/supervision/compliance', true],
    ['/supervision/*', '/supervision/:district', true],
  ])('%s against %s is %s', (pattern, template, expected) => {
    expect(matchesPath(pattern, template)).toBe(expected);
  });

  it('takes the first matching entry, and HEAD follows GET', () => {
    const table: PolicyEntry[] = [
      { method: 'GET', path: '/a/special', roles: ['auditor'], scope: { kind: 'none' }, why: 'specific' },
      { method: 'GET', path: '/a/*', roles: ['analyst'], scope: { kind: 'none' }, why: 'general' },
    ];
    expect(findPolicy(table, 'GET', '/a/special')?.why).toBe('specific');
    expect(findPolicy(table, 'HEAD', '/a/other')?.why).toBe('general');
    expect(findPolicy(table, 'POST', '/a/other')).toBeUndefined();
  });

  it('lets the administrator through every protected entry and nobody without a token except public ones', () => {
    for (const entry of POLICY) {
      if (entry.roles === 'public') expect(allowedRoles(entry)).toEqual([]);
      else expect(allowedRoles(entry)).toContain('admin');
    }
  });

  it('never grants a write to an auditor or an analyst', () => {
    const writes = POLICY.filter((entry) => entry.method !== 'GET' && entry.roles !== 'public');
    const leaks = writes.filter((entry) => (entry.roles as string[]).some((role) => role === 'auditor' || role === 'analyst'));
    expect(leaks).toEqual([]);
  });

  it('never shows an analyst an endpoint that answers with personal data', () => {
    const leaks = POLICY.filter((entry) => entry.personal && entry.roles !== 'public' && entry.roles.includes('analyst'));
    expect(leaks).toEqual([]);
  });
});
