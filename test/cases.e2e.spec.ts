/** The whole life of an accountability case over HTTP, as the programme runs one, with the events stored. */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually, logLength, startTestApp, TestApp } from './support/test-app';

const DISTRICT = '640104';
const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
const WANG = { 'X-Actor': 'sup-wang' };
const UNIT = { 'X-Actor': 'clerk-7', 'X-Actor-Role': 'subject-unit', 'X-Actor-Unit': 'unit-7' };
const day = (d: string) => `2012-${d}T02:00:00.000Z`;

describe('an accountability case', () => {
  let app: TestApp;
  const post = (path: string, headers: Record<string, string>, body: object) => request(app.http).post(path).set(headers).send(body);
  /** A case opened by Wang on 11 March, on the grounds and for the reason given. */
  const openCase = (caseId: string, fields: { subjectUnit: string; grounds: string[]; reason: string }) =>
    post('/cases', WANG, {
      caseId,
      districtCode: DISTRICT,
      evidence: [{ reference: 'r', description: 'd' }],
      occurredAt: day('03-11'),
      ...fields,
    });
  const orderRectification = (caseId: string) =>
    post(`/cases/${caseId}/order-rectification`, WANG, {
      requirements: ['act'],
      deadline: day('04-10'),
      reason: 'r',
      occurredAt: day('03-12'),
    });

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    // The clerk reports with a token of their own (an admin one: unit-7 is no org unit a registrar's could be
    // scoped to). The default token is one person for every actor, and the reporter may not also judge.
    Object.assign(UNIT, { Authorization: `Bearer ${await app.token('admin', { sub: 'clerk-7' })}` });
    await post(`/supervision/${DISTRICT}/assignment`, OFFICE, {
      supervisorId: 'sup-wang',
      reason: 'order 12 of the leading group',
      occurredAt: day('01-01'),
    }).expect(200);
  });
  afterAll(async () => {
    await app.close();
  });

  it('runs from opening through rectification, criticism, accountability and escalation to closing and reopening', async () => {
    const caseId = randomUUID();
    const act = (action: string, headers: Record<string, string>, body: object) => post(`/cases/${caseId}/${action}`, headers, body);

    await post(`/supervision/${DISTRICT}/visits`, WANG, {
      month: '201203',
      unitsVisited: ['unit-7'],
      findings: 'ledgers filled in form only',
      occurredAt: day('03-10'),
    }).expect(201);
    const opened = await post('/cases', WANG, {
      caseId,
      subjectUnit: 'unit-7',
      districtCode: DISTRICT,
      grounds: ['perfunctory', 'formal-compliance-only'],
      evidence: [{ reference: 'visit-201203', description: 'ledgers copied from last year' }],
      reason: 'found on the March visit',
      occurredAt: day('03-11'),
    }).expect(201);
    expect(opened.body).toEqual({ caseId, status: 'Open', revision: 0, position: expect.stringMatching(/^\d+$/) });
    expect(opened.headers.etag).toBe('"0"');

    await act('order-rectification', WANG, {
      requirements: ['redo the ledgers from the visit sheets'],
      deadline: day('04-10'),
      reason: 'the ledgers must be true',
      occurredAt: day('03-12'),
    }).expect(200);
    await act('report-rectification', UNIT, { report: 'ledgers redone', evidence: [], reason: 'done', occurredAt: day('04-01') }).expect(
      200,
    );
    await act('reject-rectification', WANG, { reason: 'still copied', occurredAt: day('04-03') }).expect(200);
    const late = await act('report-rectification', UNIT, {
      report: 'redone from the visit sheets',
      evidence: [{ reference: 'photo-1', description: 'sheets' }],
      reason: 'second attempt',
      occurredAt: day('04-15'),
    }).expect(200);
    expect(late.body.revision).toBe(4);

    const bulletin = await post(`/supervision/${DISTRICT}/bulletins`, WANG, {
      period: '201202B',
      kind: 'criticism',
      units: ['unit-7'],
      summary: 'unit-7 complied in form only',
      occurredAt: day('04-20'),
    }).expect(201);
    await act('issue-criticism', WANG, {
      bulletinId: bulletin.body.bulletinId,
      reason: 'named in the bimonthly bulletin',
      occurredAt: day('04-20'),
    }).expect(200);
    await act('hold-leader-accountable', WANG, {
      officialId: 'off-31',
      position: 'head of unit-7',
      measure: 'written-self-examination',
      reason: 'second lapse',
      occurredAt: day('04-21'),
    }).expect(200);
    await act('escalate', WANG, { to: 'city-leading-group', reason: 'repeated', occurredAt: day('04-22') }).expect(200);

    const before = await logLength(app);
    const refused = await act('close', WANG, { resolution: 'held-accountable', reason: 'measure taken', occurredAt: day('04-23') }).expect(
      409,
    );
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 409, code: 'rectification-outstanding' });
    expect(await logLength(app)).toBe(before);

    await act('accept-rectification', WANG, { reason: 'ledgers now match the sheets', occurredAt: day('04-24') }).expect(200);
    const closed = await act('close', WANG, {
      resolution: 'rectified',
      reason: 'rectified and accounted for',
      occurredAt: day('04-25'),
    }).expect(200);
    expect(closed.body).toMatchObject({ status: 'Closed', revision: 9 });

    const onClosed = await act('escalate', WANG, {
      to: 'discipline-inspection-commission',
      reason: 'more',
      occurredAt: day('04-26'),
    }).expect(409);
    expect(onClosed.body.code).toBe('case-closed');
    await act('reopen', OFFICE, { reason: 'new complaint from residents', occurredAt: day('05-02') }).expect(200);

    const events = await app.runtime.eventStore.readStream(`case-${caseId}`);
    expect(events.map((e) => e.type)).toEqual([
      'CaseOpened',
      'RectificationOrdered',
      'RectificationReported',
      'RectificationRejected',
      'RectificationReported',
      'CriticismIssued',
      'LeaderHeldAccountable',
      'CaseEscalated',
      'RectificationAccepted',
      'CaseClosed',
      'CaseReopened',
    ]);
    expect(events[0].data).toEqual({
      caseId,
      subjectUnit: 'unit-7',
      districtCode: DISTRICT,
      grounds: ['perfunctory', 'formal-compliance-only'],
      evidence: [{ reference: 'visit-201203', description: 'ledgers copied from last year' }],
      openedBy: { actor: 'sup-wang', role: 'supervisor' },
      reason: 'found on the March visit',
    });
    expect(events[4].data).toEqual({
      round: 1,
      report: 'redone from the visit sheets',
      evidence: [{ reference: 'photo-1', description: 'sheets' }],
      late: true,
      reason: 'second attempt',
      reportedBy: 'clerk-7',
      reportedAs: 'clerk-7',
    });
    expect(events[2].metadata).toMatchObject({ actor: 'clerk-7', occurredAt: day('04-01') });
    expect(events[10].metadata).toMatchObject({ actor: 'city-office-1' });

    const state = await request(app.http).get(`/cases/${caseId}`).expect(200);
    expect(state.headers.etag).toBe('"10"');
    expect(state.body.state).toEqual({
      status: 'Open',
      caseId,
      subjectUnit: 'unit-7',
      districtCode: DISTRICT,
      grounds: ['perfunctory', 'formal-compliance-only'],
      rectification: { stage: 'accepted', round: 1 },
      criticisms: [bulletin.body.bulletinId],
      accountability: [{ officialId: 'off-31', position: 'head of unit-7', measure: 'written-self-examination' }],
      escalation: 'city-leading-group',
      reopenings: 1,
    });

    await eventually(async () => {
      const list = await request(app.http).get(`/cases?district=${DISTRICT}&status=Open`).expect(200);
      expect(list.body.cases).toEqual([
        expect.objectContaining({ caseId, status: 'Open', revision: 10, rectification: 'accepted', escalation: 'city-leading-group' }),
      ]);
    });
    expect((await request(app.http).get(`/cases?district=${DISTRICT}&status=Closed`).expect(200)).body.cases).toEqual([]);
  });

  it('closes over an outstanding rectification only with a waiver that says why', async () => {
    const caseId = randomUUID();
    await openCase(caseId, { subjectUnit: 'unit-9', grounds: ['passive'], reason: 'idle' }).expect(201);
    await orderRectification(caseId).expect(200);
    const closed = await post(`/cases/${caseId}/close`, WANG, {
      resolution: 'other',
      waiverReason: 'unit merged into unit-7',
      reason: 'moot',
      occurredAt: day('03-20'),
    }).expect(200);
    expect(closed.body.status).toBe('Closed');
    const [, , event] = await app.runtime.eventStore.readStream(`case-${caseId}`);
    expect(event.data).toEqual({ resolution: 'other', reason: 'moot', waiver: { round: 1, reason: 'unit merged into unit-7' } });
  });

  const badRequests: [string, () => object, number, string][] = [
    [
      'no reason',
      () => ({ subjectUnit: 'u', districtCode: DISTRICT, grounds: ['passive'], evidence: [{ reference: 'r', description: 'd' }] }),
      400,
      'invalid-request',
    ],
    [
      'an unknown ground',
      () => ({
        subjectUnit: 'u',
        districtCode: DISTRICT,
        grounds: ['lazy'],
        evidence: [{ reference: 'r', description: 'd' }],
        reason: 'r',
      }),
      400,
      'invalid-request',
    ],
    [
      'no evidence',
      () => ({ subjectUnit: 'u', districtCode: DISTRICT, grounds: ['passive'], evidence: [], reason: 'r' }),
      400,
      'invalid-request',
    ],
    [
      'an unknown field',
      () => ({
        subjectUnit: 'u',
        districtCode: DISTRICT,
        grounds: ['passive'],
        evidence: [{ reference: 'r', description: 'd' }],
        reason: 'r',
        severity: 5,
      }),
      400,
      'invalid-request',
    ],
    [
      'a blank reason',
      () => ({
        subjectUnit: 'u',
        districtCode: DISTRICT,
        grounds: ['passive'],
        evidence: [{ reference: 'r', description: 'd' }],
        reason: '   ',
        occurredAt: day('03-11'),
      }),
      400,
      'reason-required',
    ],
  ];

  it.each(badRequests)('refuses a case with %s, with a problem, and appends nothing', async (_label, body, status, code) => {
    const before = await logLength(app);
    const response = await post('/cases', WANG, body()).expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code });
    expect(await logLength(app)).toBe(before);
  });

  it('answers 404 for an action on a case that was never opened, and appends nothing', async () => {
    const before = await logLength(app);
    const response = await post(`/cases/${randomUUID()}/escalate`, WANG, { to: 'city-leading-group', reason: 'r' }).expect(404);
    expect(response.body.code).toBe('case-not-opened');
    await request(app.http).get(`/cases/${randomUUID()}`).expect(404);
    expect(await logLength(app)).toBe(before);
  });

  it('refuses a stale If-Match with 412 and appends nothing', async () => {
    const caseId = randomUUID();
    await openCase(caseId, { subjectUnit: 'u', grounds: ['delayed'], reason: 'r' }).expect(201);
    await post(`/cases/${caseId}/escalate`, WANG, { to: 'city-leading-group', reason: 'r', occurredAt: day('03-12') }).expect(200);
    const before = await logLength(app);
    await request(app.http).post(`/cases/${caseId}/reopen`).set(OFFICE).set('If-Match', '"0"').send({ reason: 'r' }).expect(412);
    expect(await logLength(app)).toBe(before);
  });

  it('lets a subject unit only report its own rectification', async () => {
    const caseId = randomUUID();
    await openCase(caseId, { subjectUnit: 'unit-7', grounds: ['delayed'], reason: 'r' }).expect(201);
    await orderRectification(caseId).expect(200);
    const before = await logLength(app);
    expect((await post(`/cases/${caseId}/accept-rectification`, UNIT, { reason: 'we did it' }).expect(403)).body.code).toBe(
      'role-not-permitted',
    );
    const other = { ...UNIT, 'X-Actor-Unit': 'unit-8' };
    expect(
      (await post(`/cases/${caseId}/report-rectification`, other, { report: 'x', evidence: [], reason: 'r' }).expect(403)).body.code,
    ).toBe('not-the-subject-unit');
    expect(await logLength(app)).toBe(before);
  });

  it('opens one case for a request retried with the same Idempotency-Key', async () => {
    const body = {
      subjectUnit: 'unit-4',
      districtCode: DISTRICT,
      grounds: ['delayed'],
      evidence: [{ reference: 'r', description: 'd' }],
      reason: 'r',
      occurredAt: day('03-11'),
    };
    const key = randomUUID();
    const first = await post('/cases', WANG, body).set('Idempotency-Key', key).expect(201);
    const before = await logLength(app);
    const again = await post('/cases', WANG, body).set('Idempotency-Key', key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await logLength(app)).toBe(before);
    expect(await app.runtime.eventStore.readStream(`case-${first.body.caseId}`)).toHaveLength(1);
  });

  it('is described in the OpenAPI document, with the body schemas', async () => {
    const { body } = await request(app.http).get('/openapi.json').expect(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/cases',
        '/cases/{id}',
        '/cases/{id}/order-rectification',
        '/cases/{id}/close',
        '/cases/{id}/history',
        '/cases/{id}/verify',
        '/cases/{id}/export',
        '/supervision/{district}/assignment',
        '/supervision/{district}/visits',
        '/supervision/{district}/bulletins',
        '/supervision/{district}/compliance',
        '/responsibilities',
        '/responsibilities/{id}',
        '/audit/public-key',
        '/audit/checkpoints',
        '/audit/checkpoints/latest',
        '/audit/streams/{stream}/verify',
      ]),
    );
    expect(body.components.schemas.OpenCaseDto.properties.grounds.items.enum).toContain('formal-compliance-only');
  });
  it("logs an auditor's read of a case's state and history, which hold its evidence and reasons", async () => {
    const caseId = randomUUID();
    await openCase(caseId, { subjectUnit: 'unit-3', grounds: ['passive'], reason: 'found on the visit' }).expect(201);
    const auditor = `Bearer ${await app.token('auditor', { sub: 'auditor-cases' })}`;
    for (const path of [`/cases/${caseId}`, `/cases/${caseId}/history`])
      await request(app.http).get(path).set('Authorization', auditor).set('X-Purpose', 'case review').expect(200);
    const rows = await app.runtime.dataSource.query(
      `SELECT path, purpose FROM personal_data.access_log WHERE actor = 'auditor-cases' ORDER BY id`,
    );
    expect(rows).toEqual([
      { path: `/cases/${caseId}`, purpose: 'case review' },
      { path: `/cases/${caseId}/history`, purpose: 'case review' },
    ]);
  });
});
