/**
 * Auditors' history reads and the feed from a real PostgreSQL streaming replica: answered there with the
 * replica's own position, from the primary when the replica lags behind a caller's `minPosition`, and the
 * feed's catch-up read from the replica then continued from the primary without a gap or a repeat.
 */
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { openSse } from '@apps/api/src/feed/sse-client';
import { generateSigningKeyPair } from '@libs/audit/signing';
import { comparePositions, formatPosition, parsePosition, RecordedEvent } from '@libs/event-store';
import { PostgresEventStore } from '@libs/event-store/postgres/postgres-event-store';
import { eventually, TestApp } from './support/test-app';
import { ReplicatedApp, startReplicatedApp } from './read-replica.support';

const DISTRICT = '640105';
const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
const ZHAO = { 'X-Actor': 'sup-zhao' };
const at = (response: request.Response) => parsePosition(response.headers['x-log-position'])!;

describe('history and feed reads from a streaming read replica', () => {
  let replicated: ReplicatedApp;
  let app: TestApp;
  const caseId = randomUUID();
  let opened: string;

  const post = async (path: string, headers: Record<string, string>, body: object) =>
    (
      await request(app.http)
        .post(path)
        .set(headers)
        .send(body)
        .expect((r) => expect(r.status).toBeLessThan(300))
    ).body.position as string;
  const escalate = () =>
    post(`/cases/${caseId}/escalate`, ZHAO, { to: 'city-leading-group', reason: 'no reply', occurredAt: '2012-04-01T02:00:00.000Z' });
  const get = (path: string) => request(app.http).get(path);

  beforeAll(async () => {
    process.env.AUDIT_SIGNING_KEY = generateSigningKeyPair().privateKeyPem;
    replicated = await startReplicatedApp('family_ledger_test_replicated_history');
    app = replicated.app;
    await app.app.listen(0, '127.0.0.1');
    await post(`/supervision/${DISTRICT}/assignment`, OFFICE, {
      supervisorId: 'sup-zhao',
      reason: 'order 12',
      occurredAt: '2012-01-01T02:00:00.000Z',
    });
    opened = await post('/cases', ZHAO, {
      caseId,
      subjectUnit: 'unit-3',
      districtCode: DISTRICT,
      grounds: ['delayed'],
      evidence: [{ reference: 'v-1', description: 'late forms' }],
      reason: 'three months late',
      occurredAt: '2012-03-10T02:00:00.000Z',
    });
  }, 120_000);
  afterAll(async () => {
    await replicated?.close();
    delete process.env.AUDIT_SIGNING_KEY;
  });

  it("answers a case's history from the replica once it holds the caller's write, as the primary would", async () => {
    const answer = await get(`/cases/${caseId}/history?minPosition=${opened}`).expect(200);
    expect(answer.headers['x-read-source']).toBe('replica');
    expect(comparePositions(at(answer), parsePosition(opened)!)).toBeGreaterThanOrEqual(0);
    const stored = await app.runtime.eventStore.readStream(`case-${caseId}`);
    expect(answer.body.events.map((e: { eventId: string; data: object }) => [e.eventId, e.data])).toEqual(
      stored.map((e) => [e.id, e.data]),
    );
    const stream = await get(`/audit/streams/case-${caseId}/history?minPosition=${opened}`).expect(200);
    expect(stream.headers['x-read-source']).toBe('replica');
    expect(stream.body.events).toEqual(answer.body.events);
  });

  it('replays a case as of a revision, and reads the audit trail, from the replica', async () => {
    const replay = await get(`/cases/${caseId}?revision=0&minPosition=${opened}`).expect(200);
    expect(replay.headers['x-read-source']).toBe('replica');
    expect(replay.body).toMatchObject({ caseId, revision: 0 });
    // The case as it is now stays on the primary: its ETag is what the next command's If-Match is checked against.
    expect((await get(`/cases/${caseId}`).expect(200)).headers['x-read-source']).toBeUndefined();
    const trail = await get(`/audit/trail?district=${DISTRICT}&minPosition=${opened}`).expect(200);
    expect(trail.headers['x-read-source']).toBe('replica');
    expect(comparePositions(parsePosition(trail.body.position)!, parsePosition(opened)!)).toBeGreaterThanOrEqual(0);
    expect(trail.headers['x-log-position']).toBe(trail.body.position);
  });

  it('answers from the primary when the replica lags behind minPosition, and from the stale replica, saying so, without it', async () => {
    await replicated.whilePaused(async () => {
      const escalated = await escalate();
      const fresh = await get(`/cases/${caseId}/history?minPosition=${escalated}`).expect(200);
      expect(fresh.headers['x-read-source']).toBe('primary');
      expect(fresh.body.events.map((e: { type: string }) => e.type)).toContain('CaseEscalated');
      const stale = await get(`/cases/${caseId}/history`).expect(200);
      expect(stale.headers['x-read-source']).toBe('replica');
      expect(stale.body.events.map((e: { type: string }) => e.type)).not.toContain('CaseEscalated');
      expect(comparePositions(at(stale), parsePosition(escalated)!)).toBeLessThan(0);
      const page = await get(`/feed/events?from=${opened}&minPosition=${escalated}`).expect(200);
      expect(page.headers['x-read-source']).toBe('primary');
      expect(page.body.events.map((e: { type: string }) => e.type)).toContain('CaseEscalated');
    });
  });

  it('refuses a malformed minPosition with 400 naming it, and one no copy reflects with 503 and Retry-After', async () => {
    expect((await get(`/cases/${caseId}/history?minPosition=soon`).expect(400)).body.errors).toEqual([
      expect.objectContaining({ field: 'minPosition' }),
    ]);
    expect((await get('/feed/events?minPosition=soon').expect(400)).body.detail).toContain('minPosition');
    const behind = await get(`/audit/streams/case-${caseId}/history?minPosition=9000000000000000000`).expect(503);
    expect(behind.headers['retry-after']).toBe('1');
    expect(behind.body).toMatchObject({ code: 'read-model-behind' });
  });

  it("reads the replica's log only below a transaction still open on the primary, so a reader there skips nothing", async () => {
    const primary = new PostgresEventStore({ connectionString: replicated.primaryUrl, poolSize: 2 });
    const replica = new PostgresEventStore({ connectionString: replicated.replicaUrl, poolSize: 2 });
    const tag = `probe${Date.now()}`;
    const event = (n: number) => ({
      id: randomUUID(),
      type: 'ProbeRecorded',
      data: { n },
      metadata: { actor: 't', correlationId: 'c', causationId: 'c', occurredAt: new Date().toISOString() },
    });
    const holder = await primary.pool.connect();
    try {
      const before = (await primary.headPosition())!;
      await holder.query('BEGIN');
      await primary.appendToStreamIn(holder, `${tag}-held`, [event(0)]);
      for (let n = 1; n <= 3; n++) await primary.appendToStream(`${tag}-later`, [event(n)]);
      // The later appends have reached the replica; the held one has not committed.
      await eventually(async () =>
        expect(await replicated.onReplica(`SELECT 1 FROM event_store.events WHERE stream_id = $1`, [`${tag}-later`])).toHaveLength(3),
      );
      const ofTag = (events: RecordedEvent[]) => events.filter((e) => e.stream.startsWith(tag)).map((e) => e.data.n);
      expect(ofTag(await replica.readAll({ fromPosition: before }))).toEqual([]);
      await holder.query('COMMIT');
      await eventually(async () => expect(ofTag(await replica.readAll({ fromPosition: before }))).toEqual([0, 1, 2, 3]));
    } finally {
      holder.release();
      await primary.close();
      await replica.close();
    }
  });

  it('streams the catch-up from the replica, then the rest and the live tail from the primary, without a gap or a repeat', async () => {
    const base = `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`;
    const enrol = () =>
      request(app.http)
        .post('/households')
        .send({ householdId: randomUUID(), villageCode: '640104001001', category: 'elderly', members: 2, head: { name: 'Ma Lan' } })
        .expect(201);
    for (let i = 0; i < 3; i++) await enrol();
    // The replica has replayed those three before it is paused (a 201 answers on the primary's commit).
    const enrolled = async (query: (sql: string, values: unknown[]) => Promise<unknown[]>) =>
      (await query(`SELECT 1 FROM event_store.events WHERE event_type = $1`, ['HouseholdEnrolled'])).length;
    const onPrimary = await enrolled((sql, values) => app.runtime.dataSource.query(sql, values));
    await eventually(async () => expect(await enrolled((sql, values) => replicated.onReplica(sql, values))).toBe(onPrimary));
    const received: string[] = [];
    // Passes through: only to see what the replica's copy answered.
    const replicaReads = jest.spyOn(app.runtime.readSources.replicaLog!, 'readAll');
    await replicated.whilePaused(async () => {
      for (let i = 0; i < 3; i++) await enrol(); // on the primary only
      const connection = await openSse(`${base}/feed?types=HouseholdEnrolled`, { message: (m) => received.push(m.id!) });
      try {
        expect(connection.response.headers['x-read-source']).toBe('replica');
        for (let i = 0; i < 3; i++) await enrol(); // live
        // Read again until all of them show: another transaction of the primary (a projector's batch) may hold the
        // log's visibility limit below the last one for a moment, as it may the feed's.
        await eventually(async () => {
          const all = await app.runtime.eventStore.readAll({ filter: { eventTypes: ['HouseholdEnrolled'] } });
          expect(all).toHaveLength(onPrimary + 6);
          expect(received).toEqual(all.map((e) => formatPosition(e.position)));
        });
        // The replica gave what it could show of its history (at most the first three: its own visibility limit,
        // the primary's oldest open transaction as replayed, may hide the last), the primary the rest.
        const fromReplica = (await Promise.all(replicaReads.mock.results.map((r) => r.value as Promise<RecordedEvent[]>))).flat();
        expect(fromReplica.length).toBeLessThanOrEqual(3);
        expect(fromReplica.map((e) => formatPosition(e.position))).toEqual(received.slice(0, fromReplica.length));
      } finally {
        connection.close();
        replicaReads.mockRestore();
      }
    });
  });
});
