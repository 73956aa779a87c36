import { Request } from 'express';
import { Principal, Role } from '@libs/auth';
import { ProblemException } from '../http/problem';
import { DomainError } from '@libs/domain/shared';
import { actingRole, asForbidden } from './acting-role';

const TOWNSHIP = '640104001';

function request(headers: Record<string, string>, principal?: Principal): Request {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { header: (name: string) => lower[name.toLowerCase()], principal } as unknown as Request;
}

const token = (roles: Role[], ou: string, department?: string): Principal => ({
  sub: 'someone',
  roles,
  ou,
  ...(department !== undefined && { department }),
  scopes: [],
});

const asUnit = (principal?: Principal, unitCode = TOWNSHIP) =>
  actingRole(request({ 'X-Actor-Role': 'subject-unit', 'X-Actor-Unit': unitCode }, principal));

function refusal(act: () => unknown): [number, string] | undefined {
  try {
    act();
    return undefined;
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return [error.problem.status, error.problem.code];
  }
}

describe('acting as the unit under a case', () => {
  it("is the unit's own token: scoped to it, or naming it as its department", () => {
    expect(asUnit(token(['registrar'], TOWNSHIP))).toEqual({ role: 'subject-unit', unitCode: TOWNSHIP });
    expect(asUnit(token(['provider'], '640104', 'health'), 'health')).toEqual({ role: 'subject-unit', unitCode: 'health' });
  });

  it("refuses a supervisor's token, even one scoped to the unit", () => {
    expect(refusal(() => asUnit(token(['supervisor'], '640104')))).toEqual([403, 'role-not-permitted']);
    expect(refusal(() => asUnit(token(['registrar', 'supervisor'], TOWNSHIP)))).toEqual([403, 'role-not-permitted']);
  });

  it("refuses another unit's token", () => {
    expect(refusal(() => asUnit(token(['registrar'], '640104002')))).toEqual([403, 'not-the-subject-unit']);
    expect(refusal(() => asUnit(token(['provider'], TOWNSHIP, 'health'), 'civil-affairs'))).toEqual([403, 'not-the-subject-unit']);
  });

  it('trusts an administrator and a caller without a principal, as for the city office', () => {
    expect(asUnit(token(['admin'], '640100'))).toEqual({ role: 'subject-unit', unitCode: TOWNSHIP });
    expect(asUnit(undefined)).toEqual({ role: 'subject-unit', unitCode: TOWNSHIP });
  });

  it("takes a supervisor's token to act as a supervisor", () => {
    expect(refusal(() => actingRole(request({}, token(['registrar'], TOWNSHIP))))).toEqual([403, 'role-not-permitted']);
    expect(actingRole(request({}, token(['supervisor'], '640104')))).toEqual({ role: 'supervisor' });
  });
});

describe("a token's claim that does not make it the unit's", () => {
  it("refuses a provider acting as the township its token is scoped to: a provider is its department's", () => {
    expect(refusal(() => asUnit(token(['provider'], TOWNSHIP, 'health')))).toEqual([403, 'not-the-subject-unit']);
  });

  it("refuses a registrar acting as a department its token happens to name: a registrar is its org unit's", () => {
    expect(refusal(() => asUnit(token(['registrar'], TOWNSHIP, 'health'), 'health'))).toEqual([403, 'not-the-subject-unit']);
  });

  it('takes exact codes: neither case nor whitespace makes another unit the same', () => {
    expect(refusal(() => asUnit(token(['provider'], '640104', 'health'), 'Health'))).toEqual([403, 'not-the-subject-unit']);
    expect(asUnit(token(['registrar'], TOWNSHIP), ` ${TOWNSHIP} `)).toEqual({ role: 'subject-unit', unitCode: TOWNSHIP });
    expect(
      refusal(() => actingRole(request({ 'X-Actor-Role': 'Subject-Unit', 'X-Actor-Unit': TOWNSHIP }, token(['registrar'], TOWNSHIP)))),
    ).toEqual([400, 'invalid-header']);
  });
});

describe('a refusal of who may act, from the decider', () => {
  it('is answered 403, the reporter of a rectification judging it among them; any other rule is left as it is', () => {
    const judgedByReporter = new DomainError('reporter-may-not-judge', 'admin-ma reported this rectification');
    expect(refusal(() => asForbidden(judgedByReporter))).toEqual([403, 'reporter-may-not-judge']);
    const other = new DomainError('no-rectification-reported', 'no report awaits a verdict');
    expect(() => asForbidden(other)).toThrow(other);
  });
});
