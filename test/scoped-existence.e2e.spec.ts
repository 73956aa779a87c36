/**
 * A token scoped to one district cannot learn whether a household, loan or case exists in another (issue
 * 21 item 11). Before, naming another district's id on a creation answered 409 `...-already-...` where a
 * fresh id answered 201. Now a scoped caller cannot choose the id of what it creates: every id it names is
 * answered alike, and its retries stay safe through Idempotency-Key (the id derives from the key).
 */
import { randomUUID } from 'node:crypto';
import { Answer, baseUrl, send } from './support/access-fixtures';
import { logLength, startTestApp, TestApp } from './support/test-app';

const HERE = '640104';
const THERE = '640105';

describe('existence is not revealed to scoped callers', () => {
  let app: TestApp;
  let base: string;
  const there = { household: randomUUID(), loan: randomUUID(), case: randomUUID() };
  const here = { household: randomUUID(), loan: randomUUID(), case: randomUUID() };

  const enrolment = (district: string, householdId?: string) => ({
    householdId,
    villageCode: `${district}001001`,
    category: 'stable',
    members: 2,
    head: { name: 'Ma Lan' },
  });
  const grant = (householdId: string, loanId?: string) => ({
    loanId,
    householdId,
    borrowerGroup: 'woman',
    programmeCode: 'womens-micro-loan',
    principalFen: 1_000_000,
    interestSubsidyBps: 600,
    termMonths: 12,
    lender: 'Yinchuan Rural Credit Cooperative',
  });
  const opening = (district: string, caseId?: string) => ({
    caseId,
    subjectUnit: 'unit-1',
    districtCode: district,
    grounds: ['passive'],
    evidence: [{ reference: 'r', description: 'd' }],
    reason: 'r',
  });

  async function post(path: string, body: object, headers: Record<string, string>): Promise<Answer> {
    return send(base, 'POST', path, { headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  }

  beforeAll(async () => {
    app = await startTestApp();
    base = await baseUrl(app);
    const admin = { Authorization: `Bearer ${await app.token('admin')}` };
    const office = { ...admin, 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
    const created = [
      await post('/households', enrolment(THERE, there.household), admin),
      await post('/households', enrolment(HERE, here.household), admin),
      await post('/loans', grant(there.household, there.loan), admin),
      await post('/loans', grant(here.household, here.loan), admin),
      await post(`/supervision/${THERE}/assignment`, { supervisorId: 'sup-there', reason: 'order 1' }, office),
      await post(`/supervision/${HERE}/assignment`, { supervisorId: 'sup-here', reason: 'order 2' }, office),
      await post('/cases', opening(THERE, there.case), { ...admin, 'X-Actor': 'sup-there' }),
      await post('/cases', opening(HERE, here.case), { ...admin, 'X-Actor': 'sup-here' }),
    ];
    expect(created.map((answer) => answer.status < 300)).toEqual(Array(8).fill(true));
  });
  afterAll(async () => {
    await app.close();
  });

  const kinds = [
    { kind: 'household', role: 'registrar', sub: 'reg-here', path: '/households', body: (id?: string) => enrolment(HERE, id) },
    { kind: 'loan', role: 'loan-officer', sub: 'officer-here', path: '/loans', body: (id?: string) => grant(here.household, id) },
    { kind: 'case', role: 'supervisor', sub: 'sup-here', path: '/cases', body: (id?: string) => opening(HERE, id) },
  ] as const;

  it.each(kinds)(
    'answers a $kind id of another district exactly as a fresh id and one of its own, appending nothing',
    async ({ kind, role, sub, path, body }) => {
      const scoped = { Authorization: `Bearer ${await app.token(role, { ou: HERE, sub })}` };
      const before = await logLength(app);
      const answers = [];
      for (const id of [there[kind], randomUUID(), here[kind]]) {
        const answer = await post(path, body(id), scoped);
        answers.push({ status: answer.status, body: answer.json });
      }
      expect(answers[0]).toEqual(answers[1]);
      expect(answers[1]).toEqual(answers[2]);
      expect(answers[0].status).toBe(400);
      expect(await logLength(app)).toBe(before);
    },
  );

  it.each(kinds)(
    'still lets a scoped caller create a $kind, with a service-chosen id its Idempotency-Key keeps stable',
    async ({ role, sub, path, body }) => {
      const scoped = { Authorization: `Bearer ${await app.token(role, { ou: HERE, sub })}`, 'Idempotency-Key': randomUUID() };
      const first = await post(path, body(), scoped);
      expect([first.status, first.body.slice(0, 200)]).toEqual([201, expect.any(String)]);
      const again = await post(path, body(), scoped);
      expect(again.status).toBe(201);
      expect(again.json).toEqual(first.json);
    },
  );

  it('keeps letting whole-city callers choose ids, and tells them of a conflict', async () => {
    const admin = { Authorization: `Bearer ${await app.token('admin')}` };
    expect((await post('/households', enrolment(THERE, there.household), admin)).json?.code).toBe('household-already-enrolled');
  });
});
