/**
 * Supervision over HTTP: the city office assigns one supervisor per district; a supervisor visits and
 * reports only in the district assigned to them at the time, and acts on cases only there; compliance
 * per month and bimonth from the read model; responsibilities assigned to officials.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually, logLength, startTestApp, TestApp } from './support/test-app';

const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
const as = (supervisor: string) => ({ 'X-Actor': supervisor });
const day = (d: string) => `2012-${d}T02:00:00.000Z`;

describe('supervision', () => {
  let app: TestApp;
  const post = (path: string, headers: Record<string, string>, body: object) => request(app.http).post(path).set(headers).send(body);
  const ok = (path: string, headers: Record<string, string>, body: object) =>
    post(path, headers, body).expect((r) => {
      if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    });
  const refusedWithNothingAppended = async (send: () => request.Test, status: number, code: string) => {
    const before = await logLength(app);
    const response = await send().expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code });
    expect(await logLength(app)).toBe(before);
  };

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    await ok('/supervision/640104/assignment', OFFICE, { supervisorId: 'sup-wang', reason: 'order 12', occurredAt: day('01-01') });
    await ok('/supervision/640105/assignment', OFFICE, { supervisorId: 'sup-li', reason: 'order 12', occurredAt: day('01-01') });
  });
  afterAll(async () => {
    await app.close();
  });

  it('shows who supervises a district, and since when', async () => {
    const response = await request(app.http).get('/supervision/640104').expect(200);
    expect(response.headers.etag).toBe('"0"');
    expect(response.body).toMatchObject({
      districtCode: '640104',
      revision: 0,
      state: { status: 'Assigned', supervisorId: 'sup-wang', since: day('01-01') },
    });
  });

  it('lets only the city office assign supervisors, and only to districts of the city', async () => {
    await refusedWithNothingAppended(
      () => post('/supervision/640106/assignment', as('sup-wang'), { supervisorId: 'sup-wang', reason: 'self' }),
      403,
      'role-not-permitted',
    );
    await refusedWithNothingAppended(
      () => post('/supervision/640199/assignment', OFFICE, { supervisorId: 'sup-x', reason: 'r' }),
      404,
      'district-not-found',
    );
    await refusedWithNothingAppended(
      () => post('/supervision/6401/assignment', OFFICE, { supervisorId: 'sup-x', reason: 'r' }),
      400,
      'invalid-request',
    );
  });

  it('assigns a supervisor to one district at a time', async () => {
    await ok('/supervision/640122/assignment', OFFICE, { supervisorId: 'sup-gao', reason: 'order 20', occurredAt: day('06-01') });
    await refusedWithNothingAppended(
      () => post('/supervision/640181/assignment', OFFICE, { supervisorId: 'sup-gao', reason: 'order 21', occurredAt: day('06-02') }),
      409,
      'supervisor-assigned-elsewhere',
    );
    await ok('/supervision/640122/assignment/end', OFFICE, { reason: 'moved to 640181', occurredAt: day('07-01') });
    await ok('/supervision/640181/assignment', OFFICE, { supervisorId: 'sup-gao', reason: 'order 21', occurredAt: day('07-01') });
  });

  it('assigns a supervisor sent to two districts at once to only one of them', async () => {
    const before = await logLength(app);
    const assign = (district: string) =>
      post(`/supervision/${district}/assignment`, OFFICE, { supervisorId: 'sup-zhou', reason: 'order 30', occurredAt: day('11-01') });
    const answers = await Promise.all([assign('640121'), assign('640122')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('supervisor-assigned-elsewhere');
    expect(await logLength(app)).toBe(before + 1);
  });

  it('refuses a visit by the supervisor of another district, and appends nothing', async () => {
    await refusedWithNothingAppended(
      () =>
        post('/supervision/640104/visits', as('sup-li'), {
          month: '201203',
          unitsVisited: ['unit-1'],
          findings: 'fine',
          occurredAt: day('03-05'),
        }),
      403,
      'supervisor-not-assigned-to-district',
    );
    await refusedWithNothingAppended(
      () =>
        post('/supervision/640104/bulletins', as('sup-li'), {
          period: '201201B',
          kind: 'progress',
          units: [],
          summary: 's',
          occurredAt: day('03-05'),
        }),
      403,
      'supervisor-not-assigned-to-district',
    );
  });

  it('refuses a case opened or acted on by a supervisor outside their district, and appends nothing', async () => {
    const opening =
      (supervisor: string, caseId = randomUUID()) =>
      () =>
        post('/cases', as(supervisor), {
          caseId,
          subjectUnit: 'unit-1',
          districtCode: '640104',
          grounds: ['passive'],
          evidence: [{ reference: 'r', description: 'd' }],
          reason: 'r',
          occurredAt: day('03-05'),
        });
    await refusedWithNothingAppended(opening('sup-li'), 403, 'supervisor-outside-district');
    await refusedWithNothingAppended(opening('sup-nobody'), 403, 'supervisor-not-in-office');

    const caseId = randomUUID();
    await opening('sup-wang', caseId)().expect(201);
    await refusedWithNothingAppended(
      () => post(`/cases/${caseId}/escalate`, as('sup-li'), { to: 'city-leading-group', reason: 'r', occurredAt: day('03-06') }),
      403,
      'supervisor-outside-district',
    );
    await refusedWithNothingAppended(
      () =>
        post(`/cases/${caseId}/escalate`, as('sup-wang'), {
          to: 'city-leading-group',
          reason: 'r',
          occurredAt: '2011-12-01T00:00:00.000Z',
        }),
      403,
      'supervisor-not-in-office',
    );
  });

  it('behind a bearer token, takes the actor from the token and a district supervisor for no city office', async () => {
    const wang = `Bearer ${await app.token('supervisor', { sub: 'sup-wang', ou: '640104' })}`;
    await refusedWithNothingAppended(
      () =>
        post(
          '/supervision/640104/assignment',
          { Authorization: wang, 'X-Actor-Role': 'city-office' },
          { supervisorId: 'sup-zhang', reason: 'self-appointed' },
        ),
      403,
      'role-not-permitted',
    );
    const visit = await post(
      '/supervision/640104/visits',
      { Authorization: wang, 'X-Actor': 'sup-li' },
      { month: '201203', unitsVisited: ['unit-1'], findings: 'fine', occurredAt: day('03-07') },
    ).expect(201);
    const events = await app.runtime.eventStore.readStream('supervision-640104');
    expect(events[Number(visit.body.revision)].metadata.actor).toBe('sup-wang');
    // A token for the right area does not make its holder the district's supervisor: the supervision stream decides.
    const li = `Bearer ${await app.token('supervisor', { sub: 'sup-li', ou: '640104' })}`;
    await refusedWithNothingAppended(
      () =>
        post(
          '/supervision/640104/visits',
          { Authorization: li },
          { month: '201203', unitsVisited: ['unit-1'], findings: 'fine', occurredAt: day('03-07') },
        ),
      403,
      'supervisor-not-assigned-to-district',
    );
  });

  it('ends the previous term on reassignment, and still accepts a late-recorded visit from within it', async () => {
    await ok('/supervision/640106/assignment', OFFICE, { supervisorId: 'sup-sun', reason: 'order 12', occurredAt: day('01-01') });
    await ok('/supervision/640106/assignment', OFFICE, { supervisorId: 'sup-ma', reason: 'rotation', occurredAt: day('05-01') });
    const events = await app.runtime.eventStore.readStream('supervision-640106');
    expect(events.map((e) => [e.type, e.data.supervisorId])).toEqual([
      ['SupervisorAssigned', 'sup-sun'],
      ['SupervisorAssignmentEnded', 'sup-sun'],
      ['SupervisorAssigned', 'sup-ma'],
    ]);
    await ok('/supervision/640106/visits', as('sup-sun'), {
      month: '201204',
      unitsVisited: ['unit-4'],
      findings: 'written up late',
      occurredAt: day('04-20'),
    });
    await refusedWithNothingAppended(
      () =>
        post('/supervision/640106/visits', as('sup-sun'), {
          month: '201205',
          unitsVisited: ['unit-4'],
          findings: 'after his term',
          occurredAt: day('05-10'),
        }),
      403,
      'supervisor-not-assigned-to-district',
    );
  });

  it('flags each month and bimonth as visited, late or missing in the compliance read model', async () => {
    await ok('/supervision/640105/visits', as('sup-li'), {
      month: '201203',
      unitsVisited: ['unit-2'],
      findings: 'forms only',
      occurredAt: day('03-09'),
    });
    const bulletin = await ok('/supervision/640105/bulletins', as('sup-li'), {
      period: '201202B',
      kind: 'criticism',
      units: ['unit-2'],
      summary: 'formal compliance',
      occurredAt: day('05-02'),
    });
    expect(bulletin.body).toMatchObject({ districtCode: '640105', bulletinId: expect.any(String), revision: 2 });
    // Recorded today, years after those months ended: late, by the log's own clock.
    await eventually(async () => {
      const { body } = await request(app.http).get('/supervision/640105/compliance?from=201201&to=201204').expect(200);
      expect(body.months.map((m: { period: string; status: string }) => [m.period, m.status])).toEqual([
        ['201201', 'missing'],
        ['201202', 'missing'],
        ['201203', 'late'],
        ['201204', 'missing'],
      ]);
      expect(body.bimonths.map((m: { period: string; status: string; dueBy: string }) => [m.period, m.dueBy, m.status])).toEqual([
        ['201201B', '201203', 'missing'],
        ['201202B', '201205', 'late'],
      ]);
    });
    const { body: city } = await request(app.http).get('/supervision/compliance?from=201203&to=201203').expect(200);
    expect(city.districts.map((d: { districtCode: string; months: { status: string }[] }) => [d.districtCode, d.months[0].status])).toEqual(
      [
        ['640104', 'late'],
        ['640105', 'late'],
        ['640106', 'missing'],
        ['640121', 'unsupervised'],
        ['640122', 'unsupervised'],
        ['640181', 'unsupervised'],
      ],
    );
  });
});

describe('responsibilities', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const body = () => ({
    task: 'visit every developing household monthly',
    officialId: 'off-12',
    position: 'township head',
    unitCode: '640104001',
    indicator: { code: 'visits-per-household', target: 12, unitOfMeasure: 'visits' },
    duePeriod: '2012Q4',
    reason: 'work plan 2012',
    occurredAt: day('03-01'),
  });

  it('assigns a task to an official and reads it back', async () => {
    const assigned = await request(app.http).post('/responsibilities').set('X-Actor', 'city-office-1').send(body()).expect(201);
    const { responsibilityId } = assigned.body;
    expect(assigned.body).toEqual({ responsibilityId, revision: 0, position: expect.any(String) });
    const read = await request(app.http).get(`/responsibilities/${responsibilityId}`).expect(200);
    const { occurredAt: _o, ...data } = body();
    expect(read.body).toEqual({ responsibilityId, revision: 0, state: { status: 'Assigned', responsibilityId, ...data } });
  });

  it.each([
    ['a negative target', { indicator: { code: 'v', target: -1, unitOfMeasure: 'u' } }, 400, 'invalid-request'],
    ['a due period already over', { duePeriod: '2011' }, 400, 'due-period-past'],
    ['a due period that is not one', { duePeriod: '2012W3' }, 400, 'due-period-invalid'],
  ])('refuses %s and appends nothing', async (_label, change, status, code) => {
    const before = await logLength(app);
    const response = await request(app.http)
      .post('/responsibilities')
      .send({ ...body(), ...change })
      .expect(status);
    expect(response.body.code).toBe(code);
    expect(await logLength(app)).toBe(before);
  });

  it('answers 404 for a responsibility never assigned', async () => {
    await request(app.http).get(`/responsibilities/${randomUUID()}`).expect(404);
  });
});
