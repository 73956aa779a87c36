import { Request } from 'express';
import { Principal, Role } from '@libs/auth';
import { ProblemException } from '../http/problem';
import { checkScope } from './scope-check';
import { OrgUnitResolver } from './org-unit-resolver';

const CASE_ID = '6f1d2c1e-0000-4000-8000-000000000001';

/** A case of district 640105 about `subjectUnit`, as the resolver reads it from the log. */
function resolverOf(subjectUnit: string): OrgUnitResolver {
  return {
    aggregateUnit: async () => '640105',
    caseSubjectUnit: async () => subjectUnit,
  } as unknown as OrgUnitResolver;
}

const token = (roles: Role[], ou: string, department?: string): Principal => ({
  sub: 'someone',
  roles,
  ou,
  ...(department !== undefined && { department }),
  scopes: [],
});

async function answer(principal: Principal, subjectUnit: string): Promise<number | 'through'> {
  const request = { path: `/cases/${CASE_ID}/report-rectification` } as Request;
  try {
    await checkScope({ kind: 'case-or-its-unit' }, principal, request, resolverOf(subjectUnit));
    return 'through';
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return error.problem.status;
  }
}

describe('the scope of a report on a case (case-or-its-unit)', () => {
  it("lets through the case's own area, and the unit under it from below its district", async () => {
    expect(await answer(token(['registrar'], '640105'), '640105001')).toBe('through');
    expect(await answer(token(['registrar'], '640105001'), '640105001')).toBe('through');
    expect(await answer(token(['provider'], '640105001', 'health'), 'health')).toBe('through');
  });

  it("answers 404 to another district's department staff, as if the case were missing", async () => {
    expect(await answer(token(['provider'], '640104', 'health'), 'health')).toBe(404);
    expect(await answer(token(['provider'], '640104001', 'health'), 'health')).toBe(404);
  });

  it('answers 404 to a unit of another district that a case was opened against', async () => {
    expect(await answer(token(['registrar'], '640104001'), '640104001')).toBe(404);
  });

  it('answers 404 to a token of the district that belongs to another unit', async () => {
    expect(await answer(token(['registrar'], '640105002'), '640105001')).toBe(404);
  });
});
