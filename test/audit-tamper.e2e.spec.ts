/**
 * Tamper evidence: rows of `event_store.events` changed, deleted or reordered by direct SQL, as a database
 * administrator could, are found by the hash chain; a rewrite with the chain recomputed, or a deleted
 * last event, is found by the signed checkpoint.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { RecordedEvent } from '@libs/event-store';
import { DISTRICT, fiveEventCase, sql, startAuditedApp, verifyCase as verify } from './support/operator';
import { rewriteFrom } from './support/tamper';
import { TestApp } from './support/test-app';

describe("verifying a case's hash chain", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startAuditedApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds an untouched case intact', async () => {
    const caseId = await fiveEventCase(app);
    expect(await verify(app, caseId)).toEqual({
      ok: true,
      stream: `case-${caseId}`,
      events: 5,
      firstBadRevision: null,
      reason: null,
      checkpoint: null,
    });
  });

  it('finds the revision whose row was changed', async () => {
    const caseId = await fiveEventCase(app);
    await sql(
      app,
      `UPDATE event_store.events SET data = jsonb_set(data, '{bulletinId}', '"b-2"') WHERE stream_id = $1 AND stream_revision = 2`,
      [`case-${caseId}`],
    );
    expect(await verify(app, caseId)).toMatchObject({ ok: false, events: 5, firstBadRevision: 2, reason: 'hash-mismatch' });
  });

  it('finds the revision whose row was deleted', async () => {
    const caseId = await fiveEventCase(app);
    await sql(app, `DELETE FROM event_store.events WHERE stream_id = $1 AND stream_revision = 2`, [`case-${caseId}`]);
    expect(await verify(app, caseId)).toMatchObject({ ok: false, events: 4, firstBadRevision: 2, reason: 'revision-gap' });
  });

  it('finds the first of two rows whose order was swapped', async () => {
    const caseId = await fiveEventCase(app);
    const stream = `case-${caseId}`;
    await sql(app, `UPDATE event_store.events SET stream_revision = 1000 WHERE stream_id = $1 AND stream_revision = 1`, [stream]);
    await sql(app, `UPDATE event_store.events SET stream_revision = 1 WHERE stream_id = $1 AND stream_revision = 2`, [stream]);
    await sql(app, `UPDATE event_store.events SET stream_revision = 2 WHERE stream_id = $1 AND stream_revision = 1000`, [stream]);
    expect(await verify(app, caseId)).toMatchObject({ ok: false, events: 5, firstBadRevision: 1, reason: 'previous-hash-mismatch' });
  });

  it("verifies any stream the same way, here a district's supervision", async () => {
    const stream = `supervision-${DISTRICT}`;
    // The assignment and the bulletin the cases' criticisms cite (./support/operator.ts).
    expect((await request(app.http).get(`/audit/streams/${stream}/verify`).expect(200)).body).toMatchObject({
      ok: true,
      events: 2,
      firstBadRevision: null,
    });
    await sql(app, `UPDATE event_store.events SET metadata = jsonb_set(metadata, '{actor}', '"someone-else"') WHERE stream_id = $1`, [
      stream,
    ]);
    expect((await request(app.http).get(`/audit/streams/${stream}/verify`).expect(200)).body).toMatchObject({
      ok: false,
      firstBadRevision: 0,
    });
  });

  it('answers 404 for a case that does not exist and 400 for a malformed stream name', async () => {
    await request(app.http).get(`/cases/${randomUUID()}/verify`).expect(404);
    await request(app.http).get('/audit/streams/no%20such/verify').expect(400);
  });
});

describe('verifying against a signed checkpoint', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startAuditedApp();
  });
  afterAll(async () => {
    await app.close();
    delete process.env.AUDIT_SIGNING_KEY;
    delete process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;
  });

  it('finds a row rewritten with its chain recomputed, which the chain alone cannot', async () => {
    const caseId = await fiveEventCase(app);
    const signed = await request(app.http).post('/audit/checkpoints').expect(201);
    expect(await verify(app, caseId)).toMatchObject({
      ok: true,
      checkpoint: { position: signed.body.position, signatureValid: true, logMatches: true },
    });

    const stream = `case-${caseId}`;
    const rows: RecordedEvent[] = await app.runtime.rawEventStore.readStream(stream);
    await rewriteFrom(app, stream, rows, 2, { ...rows[2].data, bulletinId: 'b-forged' });

    const verdict = await verify(app, caseId);
    expect(verdict).toMatchObject({ ok: false, firstBadRevision: null, checkpoint: { signatureValid: true, logMatches: false } });
    const latest = await request(app.http).get('/audit/checkpoints/latest/verify').expect(200);
    expect(latest.body).toMatchObject({ ok: false, signatureValid: true, logMatches: false });
    const exported = await request(app.http).get(`/cases/${caseId}/export`).expect(409);
    expect(exported.body.code).toBe('log-disagrees-with-checkpoint');
  });
});
