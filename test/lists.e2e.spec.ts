/**
 * Lists with cursor paging (issue 21 item 16): `GET /households?ou=`, `GET /loans?ou=`, `GET /cases` and
 * `GET /consumer-groups`. Paging through a list gives every row once, with no repeats and no gaps, in
 * pages no larger than asked; a district token sees its district only and is refused another's; lists
 * hold no personal field; each list is in the OpenAPI document.
 */
import { randomUUID } from 'node:crypto';
import { Answer, baseUrl, send } from './support/access-fixtures';
import { eventually, logLength, startTestApp, TestApp } from './support/test-app';

const HERE = '640104';
const THERE = '640105';
const HEAD_NAME = 'Listed Secret Head';

describe('lists with cursor paging', () => {
  let app: TestApp;
  let base: string;
  const households: Record<string, string[]> = { [HERE]: [], [THERE]: [] };
  const loans: Record<string, string[]> = { [HERE]: [], [THERE]: [] };
  const cases: Record<string, string[]> = { [HERE]: [], [THERE]: [] };
  const groups: string[] = [];

  const as = async (role: Parameters<TestApp['token']>[0], ou?: string, sub?: string) => ({
    Authorization: `Bearer ${await app.token(role, { ou, sub })}`,
  });
  const get = async (path: string, headers: Record<string, string>) => send(base, 'GET', path, { headers });

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    base = await baseUrl(app);
    const admin = { ...(await as('admin')), 'Content-Type': 'application/json' };
    const post = async (path: string, body: object, headers: Record<string, string> = {}) => {
      const answer = await send(base, 'POST', path, { headers: { ...admin, ...headers }, body: JSON.stringify(body) });
      if (answer.status >= 300) throw new Error(`${path} answered ${answer.status}: ${answer.body}`);
      return answer.json!;
    };
    const office = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
    for (const [district, count] of [
      [HERE, 13],
      [THERE, 4],
    ] as const) {
      await post(`/supervision/${district}/assignment`, { supervisorId: `sup-${district}`, reason: 'order' }, office);
      for (let i = 0; i < count; i++) {
        const householdId = randomUUID();
        await post('/households', {
          householdId,
          villageCode: `${district}00100${1 + (i % 2)}`,
          category: 'stable',
          members: 2,
          head: { name: HEAD_NAME, phone: '13900001111' },
        });
        households[district].push(householdId);
        if (i % 2 === 0) {
          const loanId = randomUUID();
          await post('/loans', {
            loanId,
            householdId,
            borrowerGroup: 'woman',
            programmeCode: 'womens-micro-loan',
            principalFen: 1_000_000,
            interestSubsidyBps: 600,
            termMonths: 12,
            lender: 'Yinchuan Rural Credit Cooperative',
          });
          loans[district].push(loanId);
        }
        if (i % 3 === 0) {
          const caseId = randomUUID();
          await post(
            '/cases',
            {
              caseId,
              subjectUnit: 'unit-1',
              districtCode: district,
              grounds: ['passive'],
              evidence: [{ reference: 'r', description: 'd' }],
              reason: 'r',
            },
            { 'X-Actor': `sup-${district}` },
          );
          cases[district].push(caseId);
        }
      }
    }
    const subscriber = { ...(await as('subscriber')), 'Content-Type': 'application/json' };
    for (let i = 0; i < 7; i++) {
      const name = `list-${i}-${randomUUID().slice(0, 8)}`;
      expect((await send(base, 'PUT', `/consumer-groups/${name}`, { headers: subscriber, body: '{}' })).status).toBe(201);
      groups.push(name);
    }
    await eventually(async () => {
      const health = await send(base, 'GET', '/health');
      expect(JSON.parse(health.body).projections.every((p: { eventsBehind: number }) => p.eventsBehind === 0)).toBe(true);
    }, 30_000);
  });
  afterAll(async () => {
    await app.close();
  });

  /** Follows `next` from the first page; checks each page's size and its Link header. */
  async function pageThrough(path: string, key: string, id: string, headers: Record<string, string>, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const separator = path.includes('?') ? '&' : '?';
      const answer: Answer = await get(`${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, headers);
      expect([answer.status, answer.body.slice(0, 200)]).toEqual([200, expect.any(String)]);
      const rows = answer.json![key] as Record<string, string>[];
      expect(rows.length).toBeLessThanOrEqual(limit);
      seen.push(...rows.map((row) => row[id]));
      cursor = answer.json!.next as string | null;
      if (cursor === null) {
        expect(answer.headers.get('link')).toBeNull();
        return seen;
      }
      expect(answer.headers.get('link')).toContain(`cursor=${cursor}`);
    }
    throw new Error('paging never ended');
  }

  const sorted = (ids: string[]) => [...ids].sort();

  it("pages through a district's households for its registrar, each once, with no personal field", async () => {
    const registrar = await as('registrar', HERE);
    const seen = await pageThrough(`/households?ou=${HERE}`, 'households', 'householdId', registrar, 4);
    expect(seen).toHaveLength(households[HERE].length);
    expect(sorted(seen)).toEqual(sorted(households[HERE]));
    const page = await get(`/households?ou=${HERE}001001&limit=1000`, registrar);
    expect(page.json!.households).toHaveLength(7);
    expect(page.body).not.toContain(HEAD_NAME);
    expect(page.body).not.toContain('13900001111');
    expect((page.json!.households as object[])[0]).toMatchObject({ districtCode: HERE, category: 'stable', status: 'active', members: 2 });
  });

  it('pages through every household of the city for a whole-city caller', async () => {
    const seen = await pageThrough('/households', 'households', 'householdId', await as('auditor'), 5);
    expect(sorted(seen)).toEqual(sorted([...households[HERE], ...households[THERE]]));
  });

  it("pages through a district's loans for its loan officer, each once", async () => {
    const officer = await as('loan-officer', HERE);
    const seen = await pageThrough(`/loans?ou=${HERE}`, 'loans', 'loanId', officer, 2);
    expect(sorted(seen)).toEqual(sorted(loans[HERE]));
    expect(seen).toHaveLength(loans[HERE].length);
  });

  it("lists one household's loans for its loan officer, and nothing of another district's household", async () => {
    const officer = await as('loan-officer', HERE);
    const [withLoan, withoutLoan, elsewhere] = [households[HERE][0], households[HERE][1], households[THERE][0]];
    const mine = await get(`/loans?householdId=${withLoan}`, officer);
    expect(mine.status).toBe(200);
    expect((mine.json!.loans as { loanId: string; householdId: string }[]).map((l) => [l.loanId, l.householdId])).toEqual([
      [loans[HERE][0], withLoan],
    ]);
    expect((await get(`/loans?householdId=${withoutLoan}`, officer)).json!.loans).toEqual([]);
    // The caller's own area is the default org unit, so another district's household lists nothing.
    const outside = await get(`/loans?householdId=${elsewhere}`, officer);
    expect([outside.status, outside.json!.loans]).toEqual([200, []]);
    expect((await get(`/loans?householdId=${elsewhere}`, await as('auditor'))).json!.loans).toEqual([
      expect.objectContaining({ loanId: loans[THERE][0], householdId: elsewhere, districtCode: THERE }),
    ]);
  });

  it('refuses a householdId that is no household id with problem+json 400 naming it, appending nothing', async () => {
    const before = await logLength(app);
    const answer = await get('/loans?householdId=640104001001', await as('loan-officer', HERE));
    expect([answer.status, answer.headers.get('content-type')]).toEqual([400, expect.stringContaining('application/problem+json')]);
    expect(answer.json!.errors).toEqual([expect.objectContaining({ field: 'householdId' })]);
    expect(await logLength(app)).toBe(before);
  });

  it("pages through a district's cases for its supervisor, beyond one page, each once", async () => {
    const supervisor = await as('supervisor', HERE, `sup-${HERE}`);
    const seen = await pageThrough(`/cases?district=${HERE}`, 'cases', 'caseId', supervisor, 2);
    expect(sorted(seen)).toEqual(sorted(cases[HERE]));
    expect(seen).toHaveLength(cases[HERE].length);
  });

  it('pages through every consumer group for a subscriber, each once', async () => {
    const seen = await pageThrough('/consumer-groups', 'groups', 'name', await as('subscriber'), 3);
    expect(sorted(seen.filter((name) => name.startsWith('list-')))).toEqual(sorted(groups));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each([
    ['registrar', `/households?ou=${THERE}`, 403, 'out-of-scope'],
    ['registrar', `/households?ou=${THERE}001001`, 403, 'out-of-scope'],
    ['loan-officer', `/loans?ou=${THERE}`, 403, 'out-of-scope'],
    ['supervisor', `/cases?district=${THERE}`, 403, 'out-of-scope'],
    ['analyst', `/households?ou=${HERE}`, 403, 'forbidden'],
    ['provider', `/loans?ou=${HERE}`, 403, 'forbidden'],
  ] as const)('refuses a %s scoped to %s its list %s', async (role, path, status, code) => {
    const answer = await get(path, await as(role, HERE));
    expect([answer.status, answer.json?.code]).toEqual([status, code]);
    expect(answer.body).not.toContain(households[THERE][0]);
  });

  it("gives a scoped caller who names no org unit its own area's list (issue 21 item 15: the default is the caller's scope)", async () => {
    const answer = await get('/households', await as('registrar', HERE));
    expect(answer.status).toBe(200);
    expect(answer.body).not.toContain(households[THERE][0]);
  });

  it.each([
    ['/households?ou=640104&limit=0', 'limit'],
    ['/households?ou=640104&limit=1001', 'limit'],
    ['/loans?ou=640104&cursor=not-a-cursor!', 'cursor'],
    ['/loans?ou=640104&cursor=bm90IGpzb24', 'cursor'],
    ['/cases?limit=abc', 'limit'],
    ['/consumer-groups?cursor=W10', 'cursor'],
    ['/households?ou=64', 'ou'],
  ])('refuses %s with 400 naming %s', async (path, field) => {
    const answer = await get(path, await as('admin'));
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.json)).toContain(field);
  });

  it('describes each list, its paging parameters and its place parameter in the OpenAPI document', async () => {
    const document = (await get('/openapi.json', {})).json as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    for (const [path, place] of [
      ['/households', 'ou'],
      ['/loans', 'ou'],
      ['/loans', 'householdId'],
      ['/cases', 'district'],
      ['/consumer-groups', undefined],
    ] as const) {
      const names = (document.paths[path]?.get?.parameters ?? []).map((p) => p.name);
      expect([path, names]).toEqual([path, expect.arrayContaining(['limit', 'cursor', ...(place ? [place] : [])])]);
    }
  });
});
