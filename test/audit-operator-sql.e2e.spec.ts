/**
 * The database operator as adversary, by SQL on the log of a running service: one event's identity or
 * metadata changed, an event moved to another stream, events swapped in log order, a forged event slipped
 * into the signed part of the log, a later checkpoint hidden behind an older one; and a forged line added
 * to an exported bundle. Each is named by the case's verification, the offline check or `audit:verify`.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { verifyBundle } from '@libs/audit/bundle';
import { SignedCheckpoint } from '@libs/audit/signing';
import { eventHash } from '@libs/event-store';
import {
  auditWith,
  cli,
  day,
  DISTRICT,
  exportCase,
  fiveEventCase,
  positionOf,
  REAL,
  restart,
  signAll,
  sql,
  startAuditedApp,
  SUN,
  verifyCase,
} from './support/operator';
import { rewriteFrom } from './support/tamper';
import { TestApp } from './support/test-app';

afterAll(() => {
  delete process.env.AUDIT_SIGNING_KEY;
  delete process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;
});

describe('one event changed in place by SQL, under a signed checkpoint', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startAuditedApp()));
  afterAll(() => app.close());

  it.each([
    ['type', `event_type = 'CaseEscalated'`],
    ['occurredAt', `metadata = jsonb_set(metadata, '{occurredAt}', '"2012-02-01T02:00:00.000Z"')`],
    ['recordedAt', `metadata = jsonb_set(metadata, '{recordedAt}', '"2012-02-01T02:00:00.000Z"')`],
    ['authenticatedAs (added)', `metadata = metadata || '{"authenticatedAs": "admin-x"}'::jsonb`],
    ['event id', `event_id = gen_random_uuid()`],
  ])('names the revision whose %s was changed, in the case verification and offline', async (_what, change) => {
    const caseId = await fiveEventCase(app);
    await signAll(app);
    await sql(app, `UPDATE event_store.events SET ${change} WHERE stream_id = $1 AND stream_revision = 2`, [`case-${caseId}`]);

    expect(await verifyCase(app, caseId)).toMatchObject({
      ok: false,
      events: 5,
      firstBadRevision: 2,
      reason: 'hash-mismatch',
      checkpoint: { signatureValid: true, logMatches: false },
    });
    // The service signed before the change: the bundle carries the row as it is now, and the chain names it.
    const bundle = (await exportCase(app, caseId).expect(200)).text;
    expect(verifyBundle(bundle, { trustedPublicKey: REAL })).toMatchObject({ ok: false, firstBadRevision: 2 });
    const run = cli(bundle, ['--public-key', REAL]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/FAIL\s+chain\s+chain breaks at revision 2 \(hash-mismatch\)/);
  });

  it("finds an event moved to another case's stream: a gap where it was, a break where it went", async () => {
    const [from, to] = [await fiveEventCase(app), await fiveEventCase(app)];
    await signAll(app);
    await sql(app, `UPDATE event_store.events SET stream_id = $2, stream_revision = 5 WHERE stream_id = $1 AND stream_revision = 4`, [
      `case-${from}`,
      `case-${to}`,
    ]);
    // Its chain ends intact at revision 3: what catches the loss is the signed checkpoint.
    expect(await verifyCase(app, from)).toMatchObject({ ok: false, events: 4, firstBadRevision: null, checkpoint: { logMatches: false } });
    expect(await verifyCase(app, to)).toMatchObject({ ok: false, events: 6, firstBadRevision: 5 });
  });

  it('serves the altered state on replay without a word, and only the verification says the log was changed', async () => {
    const caseId = await fiveEventCase(app);
    await signAll(app);
    await sql(
      app,
      `UPDATE event_store.events SET data = jsonb_set(data, '{bulletinId}', '"b-forged"') WHERE stream_id = $1 AND stream_revision = 2`,
      [`case-${caseId}`],
    );
    // Replay folds the log as stored; it does not verify (GET /cases/{id}/verify does).
    for (const query of ['revision=2', `occurredAsOf=${day('03-12')}`, `asOf=${new Date().toISOString()}`]) {
      const replayed = await request(app.http).get(`/cases/${caseId}?${query}`).expect(200);
      expect(replayed.body.state.criticisms).toEqual(['b-forged']);
    }
    expect(await verifyCase(app, caseId)).toMatchObject({ ok: false, firstBadRevision: 2 });
  });

  it('rejects, by the command line, a forged event line appended to a bundle, even with its chain and manifest made to fit', async () => {
    const caseId = await fiveEventCase(app);
    const good = (await exportCase(app, caseId).expect(200)).text;
    const lines = good.trimEnd().split('\n');
    const { manifest } = JSON.parse(lines[0]);
    const last = JSON.parse(lines.at(-1)!);
    const position = { commit: String(BigInt(last.position.commit) + 1n), prepare: String(BigInt(last.position.prepare) + 1n) };
    const forged = {
      ...last,
      id: randomUUID(),
      revision: '5',
      position,
      type: 'CaseClosed',
      data: { resolution: 'unfounded', reason: 'forged' },
    };
    forged.previousHash = last.hash;
    forged.hash = eventHash(last.hash, { ...forged, revision: 5n });
    const appended = [...lines, JSON.stringify(forged)].join('\n') + '\n';
    const plain = cli(appended, ['--public-key', REAL]);
    expect(plain.code).toBe(1);
    expect(plain.out).toMatch(/FAIL\s+format\s+the manifest counts 5 events, the bundle holds 6/);

    const fitted = {
      ...manifest,
      eventCount: 6,
      chainHead: { revision: '5', hash: forged.hash },
      inclusion: { ...manifest.inclusion, eventHash: forged.hash },
    };
    const withManifest = [JSON.stringify({ manifest: fitted }), ...lines.slice(1), JSON.stringify(forged)].join('\n') + '\n';
    expect(
      verifyBundle(withManifest, { trustedPublicKey: REAL })
        .checks.filter((c) => !c.ok)
        .map((c) => c.name),
    ).toEqual(['inclusion', 'stream-head']);
    const run = cli(withManifest, ['--public-key', REAL]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/FAIL\s+inclusion\s+the checkpoint does not reach the last event/);
  });
});

describe('the log reordered, forged into, or its latest checkpoint hidden, by SQL', () => {
  let app: TestApp;
  let first: SignedCheckpoint;
  let a: string;
  let b: string;
  beforeEach(async () => {
    app = await startAuditedApp();
    first = await signAll(app);
    [a, b] = [await fiveEventCase(app), await fiveEventCase(app)];
    await signAll(app);
  });
  afterEach(() => app.close());

  it('finds two events of different streams swapped in log order: every chain intact, the signed root not', async () => {
    const [last, next] = [await positionOf(app, `case-${a}`, 4), await positionOf(app, `case-${b}`, 0)];
    await sql(app, `UPDATE event_store.events SET log_position = -1 WHERE log_position = $1`, [last]);
    await sql(app, `UPDATE event_store.events SET log_position = $1 WHERE log_position = $2`, [last, next]);
    await sql(app, `UPDATE event_store.events SET log_position = $1 WHERE log_position = -1`, [next]);

    expect(await verifyCase(app, a)).toMatchObject({ ok: false, firstBadRevision: null, checkpoint: { logMatches: false } });
    const audit = await auditWith(app);
    expect(audit).toMatchObject({
      intact: false,
      chains: { intact: true },
      checkpoints: { firstBreak: { reason: 'root-mismatch', lastGood: { eventCount: first.eventCount } } },
    });
    expect(audit.summary).toContain(`the change lies after event ${first.eventCount}`);
  });

  it('finds a forged event slipped into the signed part of the log with its chain computed as the store would', async () => {
    const stream = `case-${a}`;
    const [last] = (await app.runtime.rawEventStore.readStream(stream)).slice(-1);
    const forged = { ...last, id: randomUUID(), revision: 5n, type: 'CaseClosed', data: { resolution: 'unfounded', reason: 'forged' } };
    const hash = eventHash(last.hash, forged);
    // Just after the case's last event, among events the checkpoint signed.
    await sql(
      app,
      `INSERT INTO event_store.events (log_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at, previous_hash, hash)
       VALUES ($1::bigint + 1, $2, 5, $3, 'CaseClosed', $4, $5, now(), decode($6, 'hex'), decode($7, 'hex'))`,
      [last.position.commit.toString(), stream, forged.id, JSON.stringify(forged.data), JSON.stringify(last.metadata), last.hash, hash],
    );
    expect(await verifyCase(app, a)).toMatchObject({ ok: false, events: 6, firstBadRevision: null, checkpoint: { logMatches: false } });
    // The running service read the log before: to it no event is there; restarted, it finds the log disagrees.
    expect((await exportCase(app, a).expect(409)).body.code).toBe('event-not-in-log');
    expect(await auditWith(app)).toMatchObject({
      intact: false,
      chains: { intact: true },
      checkpoints: { firstBreak: { reason: 'root-mismatch' } },
    });
  });

  it("does not take an older checkpoint for the latest when its unsigned position column is moved past the others'", async () => {
    const stream = `case-${b}`;
    const rows = await app.runtime.rawEventStore.readStream(stream);
    await rewriteFrom(app, stream, rows, 2, { ...rows[2].data, bulletinId: 'b-forged' });
    await sql(app, `UPDATE audit.checkpoints SET commit_position = commit_position + (1::bigint << 40) WHERE event_count = $1`, [
      first.eventCount,
    ]);
    expect(await verifyCase(app, b)).toMatchObject({ ok: false, checkpoint: { eventCount: first.eventCount + 10, logMatches: false } });
    expect((await request(app.http).get('/audit/checkpoints/latest').expect(200)).body.eventCount).toBe(first.eventCount + 10);
    expect((await request(app.http).get('/audit/checkpoints/latest/verify').expect(200)).body).toMatchObject({
      ok: false,
      logMatches: false,
    });
    // Nor does a restarted service, which reads the rewrite afresh, sign over it from the older checkpoint.
    app = await restart(app);
    await request(app.http)
      .post(`/supervision/${DISTRICT}/visits`)
      .set(SUN)
      .send({ month: '201204', unitsVisited: ['unit-5'], findings: 'seen', occurredAt: day('04-05') })
      .expect(201);
    expect((await request(app.http).post('/audit/checkpoints').expect(409)).body.code).toBe('log-disagrees-with-checkpoint');
    const proof = await request(app.http).get(`/audit/checkpoints/${first.eventCount}/consistency/${first.eventCount + 10}`);
    expect(proof.status).toBe(409);
    expect(proof.body.code).toBe('log-disagrees-with-checkpoint');
  });
});
