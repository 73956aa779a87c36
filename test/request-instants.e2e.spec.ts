/**
 * Times sent without an offset, and bare dates, are the programme's calendar (Beijing time) over HTTP, as
 * stored: never the server's time zone nor UTC. A deadline "by 31 March" runs to the end of 31 March in
 * Beijing, so a unit reporting at 10:00 that day is on time. (Run this under another TZ to see the server's
 * zone play no part: `TZ=America/New_York npx jest test/request-instants`.)
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const DISTRICT = '640104';
const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
const WANG = { 'X-Actor': 'sup-wang' };
const UNIT = { 'X-Actor': 'clerk-7', 'X-Actor-Role': 'subject-unit', 'X-Actor-Unit': 'unit-7' };

describe('instants in requests, read in Beijing time', () => {
  let app: TestApp;
  const post = (path: string, headers: Record<string, string>, body: object) => request(app.http).post(path).set(headers).send(body);
  const get = (path: string) => request(app.http).get(path);
  const metadataOf = async (stream: string) => (await app.runtime.eventStore.readStream(stream)).map((e) => e.metadata.occurredAt);

  beforeAll(async () => {
    app = await startTestApp();
    await post(`/supervision/${DISTRICT}/assignment`, OFFICE, {
      supervisorId: 'sup-wang',
      reason: 'order 12 of the leading group',
      occurredAt: '2012-01-01',
    }).expect(200);
  });
  afterAll(async () => {
    await app.close();
  });

  /** A case against unit-7, opened at 09:30 Beijing time on 11 March and ordered to rectify by 31 March. */
  async function orderedByEndOfMarch(): Promise<string> {
    const caseId = randomUUID();
    await post('/cases', WANG, {
      caseId,
      subjectUnit: 'unit-7',
      districtCode: DISTRICT,
      grounds: ['delayed'],
      evidence: [{ reference: 'visit-201203', description: 'ledgers behind' }],
      reason: 'found on the March visit',
      occurredAt: '2012-03-11T09:30',
    }).expect(201);
    await post(`/cases/${caseId}/order-rectification`, WANG, {
      requirements: ['bring the ledgers up to date'],
      deadline: '2012-03-31',
      reason: 'the ledgers must be true',
      occurredAt: '2012-03-12',
    }).expect(200);
    return caseId;
  }

  it('stores a bare-date deadline as the last millisecond of that Beijing day, and answers it so', async () => {
    const caseId = await orderedByEndOfMarch();
    const [, ordered] = await app.runtime.eventStore.readStream(`case-${caseId}`);
    expect(ordered.data).toMatchObject({ deadline: '2012-03-31T15:59:59.999Z' });
    const { body } = await get(`/cases/${caseId}`).expect(200);
    expect(body.state.rectification).toMatchObject({ stage: 'ordered', deadline: '2012-03-31T15:59:59.999Z' });
  });

  it('stores an offsetless occurredAt as Beijing time, and a bare one as the start of that Beijing day', async () => {
    const caseId = await orderedByEndOfMarch();
    expect(await metadataOf(`case-${caseId}`)).toEqual(['2012-03-11T01:30:00.000Z', '2012-03-11T16:00:00.000Z']);
    expect(await metadataOf(`supervision-${DISTRICT}`)).toContain('2011-12-31T16:00:00.000Z');
  });

  it('takes a report at 10:00 Beijing time on the deadline day as on time, and one just after midnight as late', async () => {
    const onTime = await orderedByEndOfMarch();
    const report = { report: 'ledgers brought up to date', evidence: [], reason: 'done' };
    await post(`/cases/${onTime}/report-rectification`, UNIT, { ...report, occurredAt: '2012-03-31T10:00' }).expect(200);
    const late = await orderedByEndOfMarch();
    await post(`/cases/${late}/report-rectification`, UNIT, { ...report, occurredAt: '2012-04-01T00:05' }).expect(200);
    const lateness = async (caseId: string) => (await app.runtime.eventStore.readStream(`case-${caseId}`))[2].data.late;
    expect([await lateness(onTime), await lateness(late)]).toEqual([false, true]);
  });

  it('replays to the end of a bare date in Beijing, and to an offsetless time as Beijing time', async () => {
    const caseId = await orderedByEndOfMarch();
    expect((await get(`/cases/${caseId}?occurredAsOf=2012-03-11`).expect(200)).body).toMatchObject({
      occurredAsOf: '2012-03-11T15:59:59.999Z',
      eventsFolded: 1,
    });
    expect((await get(`/cases/${caseId}?occurredAsOf=2012-03-11T09:29`).expect(200)).body).toMatchObject({
      occurredAsOf: '2012-03-11T01:29:00.000Z',
      eventsFolded: 0,
    });
  });

  it('stores an offsetless enrolment and a bare-date delivery in Beijing time, the year counted there', async () => {
    const householdId = randomUUID();
    await post(
      '/households',
      {},
      {
        householdId,
        villageCode: '640104001001',
        category: 'stable',
        members: 3,
        head: { name: 'Li Na' },
        occurredAt: '2012-01-01T07:00',
      },
    ).expect(201);
    await post(
      `/households/${householdId}/services`,
      {},
      {
        departmentCode: 'health',
        serviceTypeCode: 'family-doctor',
        focusArea: 'health',
        occurredAt: '2012-03-02T10:00',
        deliveredAt: '2012-03-02',
      },
    ).expect(201);
    const [enrolled, delivered] = await app.runtime.eventStore.readStream(`household-${householdId}`);
    expect(enrolled.metadata.occurredAt).toBe('2011-12-31T23:00:00.000Z');
    expect(enrolled.data).toMatchObject({ enrolmentYear: 2012 });
    expect(delivered.metadata.occurredAt).toBe('2012-03-02T02:00:00.000Z');
    expect(delivered.data).toMatchObject({ deliveredAt: '2012-03-01T16:00:00.000Z' });
  });

  it('refuses an impossible deadline with a 400 that names the field, says the rule and does not echo the value', async () => {
    const caseId = await orderedByEndOfMarch();
    const { body } = await post(`/cases/${caseId}/order-rectification`, WANG, {
      requirements: ['act'],
      deadline: '2012-02-30',
      reason: 'r',
    }).expect(400);
    expect(body.errors).toEqual([
      expect.objectContaining({ field: 'deadline', message: expect.stringMatching(/end of that day in Beijing/) }),
    ]);
    expect(JSON.stringify(body)).not.toContain('2012-02-30');
  });
});
