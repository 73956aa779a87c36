import { ExecutionContext, Logger } from '@nestjs/common';
import { AccessGuard } from './access.guard';
import { AccessLog } from './access-log';
import { OrgUnitResolver } from './org-unit-resolver';
import { Security } from '@libs/runtime';
import { Sessions } from '@libs/accounts';

function contextFor(method: string, routePath: string | undefined, headers: Record<string, string> = {}): ExecutionContext {
  const request = {
    method,
    route: routePath === undefined ? undefined : { path: routePath },
    path: routePath ?? '/x',
    headers,
    header: (name: string) => headers[name.toLowerCase()],
    query: {},
    body: {},
  };
  const response = { setHeader: () => undefined };
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
}

describe('the access guard', () => {
  const verify = jest.fn(async () => ({ sub: 'a', roles: ['admin'] as const, ou: '640100', scopes: [] }));
  const guard = new AccessGuard(
    { verify } as unknown as Security,
    {} as OrgUnitResolver,
    { record: jest.fn() } as unknown as AccessLog,
    {} as Sessions,
  );

  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));

  it('denies a route that has no policy entry, even to an administrator', async () => {
    await expect(guard.canActivate(contextFor('GET', '/secret/:id', { authorization: 'Bearer a.b.c' }))).rejects.toMatchObject({
      problem: { status: 403, code: 'no-policy' },
    });
    await expect(guard.canActivate(contextFor('PATCH', '/households/:id', { authorization: 'Bearer a.b.c' }))).rejects.toMatchObject({
      problem: { status: 403, code: 'no-policy' },
    });
    expect(verify).not.toHaveBeenCalled();
  });

  it('denies a request Express matched to no route', async () => {
    await expect(guard.canActivate(contextFor('GET', undefined))).rejects.toMatchObject({ problem: { code: 'no-policy' } });
  });

  it('lets a public route through without looking for a token', async () => {
    await expect(guard.canActivate(contextFor('GET', '/health'))).resolves.toBe(true);
  });
});
