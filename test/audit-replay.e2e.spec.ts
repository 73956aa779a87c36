/** The auditor replays a case: its full history, and its state as recorded by a time, as true at a time, or at a revision. */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { generateSigningKeyPair } from '@libs/audit/signing';
import { GENESIS_HASH } from '@libs/event-store';
import { seedBulletin } from './support/seeded-bulletin';
import { eventually, startTestApp, TestApp } from './support/test-app';

const DISTRICT = '640105';
const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
const ZHAO = { 'X-Actor': 'sup-zhao' };
const day = (d: string) => `2012-${d}T02:00:00.000Z`;

describe("the auditor's replay of a case", () => {
  let app: TestApp;
  const caseId = randomUUID();
  let recordedBeforeCriticism: string;
  let recordedBeforeEscalation: string;
  const post = (path: string, headers: Record<string, string>, body: object) =>
    request(app.http)
      .post(path)
      .set(headers)
      .send(body)
      .expect((r) => {
        if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
      });
  /** A moment after everything so far was recorded and before anything later is (recordedAt has millisecond precision). */
  const now = async () => {
    await sleep(5);
    const t = new Date().toISOString();
    await sleep(5);
    return t;
  };

  beforeAll(async () => {
    process.env.AUDIT_SIGNING_KEY = generateSigningKeyPair().privateKeyPem;
    process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS = '0';
    app = await startTestApp({ projector: true });
    await post(`/supervision/${DISTRICT}/assignment`, OFFICE, { supervisorId: 'sup-zhao', reason: 'order 12', occurredAt: day('01-01') });
    await post('/cases', ZHAO, {
      caseId,
      subjectUnit: 'unit-3',
      districtCode: DISTRICT,
      grounds: ['delayed'],
      evidence: [{ reference: 'v-1', description: 'late forms' }],
      reason: 'three months late',
      occurredAt: day('03-10'),
    });
    await post(`/cases/${caseId}/order-rectification`, ZHAO, {
      requirements: ['file the forms'],
      deadline: day('04-10'),
      reason: 'overdue',
      occurredAt: day('03-11'),
    });
    await seedBulletin(app, {
      districtCode: DISTRICT,
      bulletinId: 'b-201202B',
      supervisorId: 'sup-zhao',
      period: '201201B',
      issuedAt: day('03-05'),
    });
    recordedBeforeCriticism = await now();
    await post(`/cases/${caseId}/issue-criticism`, ZHAO, {
      bulletinId: 'b-201202B',
      reason: 'named in the bulletin',
      occurredAt: day('03-20'),
    });
    recordedBeforeEscalation = await now();
    // Recorded last, but it happened on 15 March: a late-recorded fact.
    await post(`/cases/${caseId}/escalate`, ZHAO, {
      to: 'city-leading-group',
      reason: 'escalated by phone on the 15th',
      occurredAt: day('03-15'),
    });
  });
  afterAll(async () => {
    await app.close();
    delete process.env.AUDIT_SIGNING_KEY;
    delete process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;
  });

  const read = (query: string) => request(app.http).get(`/cases/${caseId}?${query}`);

  it('lists every event in order with its actor, reason, both clocks, revision, position, hashes and the state after it', async () => {
    const { body } = await request(app.http).get(`/cases/${caseId}/history`).expect(200);
    const stored = await app.runtime.eventStore.readStream(`case-${caseId}`);
    expect(body.events).toHaveLength(4);
    body.events.forEach((entry: Record<string, unknown>, i: number) => {
      expect(entry).toMatchObject({
        revision: i,
        position: stored[i].position.commit.toString(),
        eventId: stored[i].id,
        type: stored[i].type,
        data: stored[i].data,
        actor: 'sup-zhao',
        reason: stored[i].data.reason,
        occurredAt: stored[i].metadata.occurredAt,
        recordedAt: stored[i].recordedAt,
        hash: stored[i].hash,
        previousHash: i === 0 ? GENESIS_HASH : stored[i - 1].hash,
      });
    });
    expect(body.events.map((e: { type: string }) => e.type)).toEqual([
      'CaseOpened',
      'RectificationOrdered',
      'CriticismIssued',
      'CaseEscalated',
    ]);
    expect(
      body.events.map((e: { state: { rectification: { stage: string }; criticisms: string[]; escalation: string | null } }) => [
        e.state.rectification.stage,
        e.state.criticisms.length,
        e.state.escalation,
      ]),
    ).toEqual([
      ['none', 0, null],
      ['ordered', 0, null],
      ['ordered', 1, null],
      ['ordered', 1, 'city-leading-group'],
    ]);
  });

  it('answers what had been recorded by a time, by recordedAt', async () => {
    const early = await read(`asOf=${recordedBeforeCriticism}`).expect(200);
    expect(early.body).toMatchObject({ caseId, asOf: recordedBeforeCriticism, revision: 1, eventsFolded: 2, currentRevision: 3 });
    expect(early.body.state).toMatchObject({ status: 'Open', criticisms: [], escalation: null, rectification: { stage: 'ordered' } });
    const later = await read(`asOf=${recordedBeforeEscalation}`).expect(200);
    expect(later.body.state).toMatchObject({ criticisms: ['b-201202B'], escalation: null });
  });

  it('answers what was true at a time, by occurredAt, with the late-recorded escalation included', async () => {
    const mid = await read(`occurredAsOf=${day('03-16')}`).expect(200);
    expect(mid.body).toMatchObject({ occurredAsOf: day('03-16'), revision: 3, eventsFolded: 3 });
    expect(mid.body.state).toMatchObject({ escalation: 'city-leading-group', criticisms: [] });
    const before = await read(`occurredAsOf=${day('03-01')}`).expect(200);
    expect(before.body).toMatchObject({ revision: -1, eventsFolded: 0, state: { status: 'NotOpened' } });
  });

  it('answers the state after a revision', async () => {
    const { body } = await read('revision=0').expect(200);
    expect(body).toMatchObject({ revision: 0, eventsFolded: 1, state: { status: 'Open', rectification: { stage: 'none' } } });
    const all = await request(app.http).get(`/cases/${caseId}`).expect(200);
    expect(all.body).toMatchObject({
      revision: 3,
      eventsFolded: 4,
      state: { escalation: 'city-leading-group', criticisms: ['b-201202B'] },
    });
    expect(all.headers.etag).toBe('"3"');
  });

  it.each([
    ['two replay points', `asOf=${day('03-16')}&revision=1`, 'conflicting-replay-points'],
    ['a time that is not ISO-8601', 'asOf=yesterday', 'invalid-request'],
    ['a revision that is not a number', 'revision=two', 'invalid-request'],
  ])('refuses %s with 400', async (_label, query, code) => {
    expect((await read(query).expect(400)).body.code).toBe(code);
  });

  it("finds the case's events in the audit trail by district, actor and grounds", async () => {
    const trail = await eventually(async () => {
      const { body } = await request(app.http).get(`/audit/trail?district=${DISTRICT}&ground=delayed`).expect(200);
      expect(body.entries).toHaveLength(4);
      return body.entries;
    });
    expect(trail.map((e: { type: string; actor: string }) => [e.type, e.actor])).toEqual([
      ['CaseOpened', 'sup-zhao'],
      ['RectificationOrdered', 'sup-zhao'],
      ['CriticismIssued', 'sup-zhao'],
      ['CaseEscalated', 'sup-zhao'],
    ]);
    const byOffice = await request(app.http).get('/audit/trail?actor=city-office-1').expect(200);
    expect(byOffice.body.entries.map((e: { type: string }) => e.type)).toEqual(['SupervisorAssigned']);
    const period = await request(app.http)
      .get(`/audit/trail?aggregate=case&from=${day('03-12')}&to=${day('03-16')}`)
      .expect(200);
    expect(period.body.entries.map((e: { type: string }) => e.type)).toEqual(['CaseEscalated']);
  });
  it("narrows the trail to one case's entries by subject, however many other cases the district has", async () => {
    const other = randomUUID();
    await post('/cases', ZHAO, {
      caseId: other,
      subjectUnit: 'unit-4',
      districtCode: DISTRICT,
      grounds: ['passive'],
      evidence: [{ reference: 'v-2', description: 'idle' }],
      reason: 'nothing done',
      occurredAt: day('03-20'),
    });
    const trailOf = async (subject: string) =>
      (await request(app.http).get(`/audit/trail?aggregate=case&district=${DISTRICT}&subject=${subject}`).expect(200)).body.entries as {
        stream: string;
        type: string;
      }[];
    const others = await eventually(async () => {
      const entries = await trailOf(other);
      expect(entries).toHaveLength(1);
      return entries;
    });
    expect(others.map((e) => [e.stream, e.type])).toEqual([[`case-${other}`, 'CaseOpened']]);
    const mine = await trailOf(caseId);
    expect(new Set(mine.map((e) => e.stream))).toEqual(new Set([`case-${caseId}`]));
    expect(mine.map((e) => e.type)).toEqual(['CaseOpened', 'RectificationOrdered', 'CriticismIssued', 'CaseEscalated']);
    await request(app.http).get('/audit/trail?subject=a%20b').expect(400);
  });
});
