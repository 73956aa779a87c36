/**
 * The database operator as adversary, beyond the log: the whole log rewritten with every chain recomputed,
 * or rolled back, its checkpoints deleted and the service restarted so that it signs the result; or the
 * service restarted with a key of the operator's. Only what the auditor kept (a checkpoint, the key) tells.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { verifyBundle } from '@libs/audit/bundle';
import { exportPublicKey, generateSigningKeyPair, loadPublicKey } from '@libs/audit/signing';
import { auditVerify } from '../scripts/audit/verify';
import {
  auditWith,
  cli,
  day,
  DISTRICT,
  exportCase,
  fiveEventCase,
  REAL,
  restart,
  rewriteWholeLog,
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

describe('a history rewritten whole or rolled back, its checkpoints deleted, and the service restarted', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('is signed by the restarted service, which cannot tell; the checkpoint the auditor kept can', async () => {
    app = await startAuditedApp();
    const caseId = await fiveEventCase(app);
    const trusted = await signAll(app);
    await rewriteWholeLog(app, (e) =>
      e.stream === `case-${caseId}` && e.revision === 2n ? { ...e.data, bulletinId: 'b-forged' } : undefined,
    );
    await sql(app, 'DELETE FROM audit.cosignatures');
    await sql(app, 'DELETE FROM audit.checkpoints');
    app = await restart(app);

    // Nothing left in the database says what was signed: the service verifies, and signs, the rewrite.
    expect(await verifyCase(app, caseId)).toMatchObject({ ok: true, checkpoint: null });
    const forged = await signAll(app);
    expect(forged).toMatchObject({ eventCount: trusted.eventCount, keyId: trusted.keyId });
    expect(forged.merkleRoot).not.toBe(trusted.merkleRoot);
    expect(await verifyCase(app, caseId)).toMatchObject({ ok: true, checkpoint: { logMatches: true } });
    expect((await auditWith(app)).intact).toBe(true);

    // The auditor's kept checkpoint: the bundle verifies in every other respect, but is of another tree.
    const bundle = (await exportCase(app, caseId).expect(200)).text;
    const verdict = verifyBundle(bundle, { trustedPublicKey: REAL, trustedCheckpoint: trusted });
    expect(verdict.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['consistency']);
    const run = cli(bundle, ['--public-key', REAL], trusted);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/FAIL\s+consistency/);
    // Asked for the proof from the kept size, the service offers the forgery's checkpoint of that size: refused offline.
    const extended = (await exportCase(app, caseId, `?trusted=${trusted.eventCount}`).expect(200)).text;
    expect(verifyBundle(extended, { trustedPublicKey: REAL, trustedCheckpoint: trusted }).checks.at(-1)).toMatchObject({
      name: 'consistency',
      ok: false,
    });

    // Put back (it is public), the kept checkpoint no longer matches the log, for the service and for audit:verify.
    await sql(
      app,
      `INSERT INTO audit.checkpoints (commit_position, prepare_position, position, event_count, merkle_root, signed_at, signature, key_id, heads_root, stream_count)
       SELECT commit_position, prepare_position, $1, $2, $3, $4, $5, $6, $7, $8 FROM audit.checkpoints LIMIT 1`,
      [
        trusted.position,
        trusted.eventCount,
        trusted.merkleRoot,
        trusted.signedAt,
        trusted.signature,
        trusted.keyId,
        trusted.headsRoot,
        trusted.streamCount,
      ],
    );
    expect((await exportCase(app, caseId, `?trusted=${trusted.eventCount}`).expect(409)).body.code).toBe('log-disagrees-with-checkpoint');
    expect(await auditWith(app)).toMatchObject({
      intact: false,
      checkpoints: { firstBreak: { checkpoint: trusted, reason: 'root-mismatch' } },
    });
  });

  it('rolled back to before the latest checkpoint: the auditor who kept that checkpoint finds the log shorter', async () => {
    app = await startAuditedApp();
    const caseId = await fiveEventCase(app);
    const before = await signAll(app);
    const later = await fiveEventCase(app);
    const trusted = await signAll(app);
    expect((await request(app.http).get('/audit/checkpoints/latest/verify').expect(200)).body.ok).toBe(true);
    await sql(app, `DELETE FROM event_store.events WHERE stream_id = $1`, [`case-${later}`]);
    // While the checkpoint row is there, every verification finds the log shorter than it signed.
    expect((await request(app.http).get('/audit/checkpoints/latest/verify').expect(200)).body).toMatchObject({
      ok: false,
      logMatches: false,
    });
    // Nor does a restarted service, reading the shorter log afresh, sign over it once it grows again.
    app = await restart(app);
    await request(app.http)
      .post(`/supervision/${DISTRICT}/visits`)
      .set(SUN)
      .send({ month: '201204', unitsVisited: ['unit-5'], findings: 'seen', occurredAt: day('04-05') })
      .expect(201);
    expect((await request(app.http).post('/audit/checkpoints').expect(409)).body.code).toBe('log-disagrees-with-checkpoint');
    expect(await verifyCase(app, caseId)).toMatchObject({ ok: false, firstBadRevision: null, checkpoint: { logMatches: false } });
    expect(await auditWith(app)).toMatchObject({
      intact: false,
      checkpoints: { firstBreak: { reason: 'beyond-log', lastGood: { eventCount: before.eventCount } } },
    });

    await sql(app, `DELETE FROM audit.checkpoints WHERE event_count > $1`, [before.eventCount]);
    app = await restart(app);
    expect(await verifyCase(app, caseId)).toMatchObject({ ok: true, checkpoint: { eventCount: before.eventCount, logMatches: true } });
    // It signs the grown log now: only the auditor's kept checkpoint, larger than the log, shows the rollback.
    await request(app.http).get(`/cases/${later}/verify`).expect(404);
    const bundle = (await exportCase(app, caseId).expect(200)).text;
    const verdict = verifyBundle(bundle, { trustedPublicKey: REAL, trustedCheckpoint: trusted });
    expect(verdict.checks.find((c) => !c.ok)).toMatchObject({ name: 'consistency' });
    expect(cli(bundle, ['--public-key', REAL], trusted).code).toBe(1);
  });
});

describe('the service restarted with a key of the operator, over a rewritten log', () => {
  const ROGUE = generateSigningKeyPair().privateKeyPem;
  let app: TestApp;
  let caseId: string;
  beforeAll(async () => {
    app = await startAuditedApp();
    caseId = await fiveEventCase(app);
    await signAll(app);
    const stream = `case-${caseId}`;
    const rows = await app.runtime.rawEventStore.readStream(stream);
    await rewriteFrom(app, stream, rows, 2, { ...rows[2].data, bulletinId: 'b-forged' });
    await sql(app, 'DELETE FROM audit.checkpoints');
    app = await restart(app, ROGUE);
    await signAll(app);
  });
  afterAll(() => app.close());

  it('serves its own key and verifies its own checkpoints: only the key kept out of band tells', async () => {
    const served = (await request(app.http).get('/audit/public-key').expect(200)).body;
    expect(served.publicKey).toBe(exportPublicKey(loadPublicKey(ROGUE)));
    expect(await verifyCase(app, caseId)).toMatchObject({ ok: true, checkpoint: { logMatches: true } });
    const bundle = (await exportCase(app, caseId).expect(200)).text;
    expect(verifyBundle(bundle).ok).toBe(true);
    const verdict = verifyBundle(bundle, { trustedPublicKey: REAL });
    expect(verdict.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['signature', 'key']);
    const run = cli(bundle, ['--public-key', REAL]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('the bundle carries a key other than the trusted one');
  });

  it("fails audit:verify given the auditor's key, though the environment it runs in names the operator's", async () => {
    const env = {
      DATABASE_URL: app.runtime.databaseUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'audit-operator-')),
      AUDIT_SIGNING_KEY: ROGUE,
    };
    expect(await auditWith(app)).toMatchObject({ intact: false, checkpoints: { matched: 0, firstBreak: { reason: 'unknown-key' } } });
    expect(await auditVerify(['--public-key', REAL], env)).toBe(1);
    // The operator's own run, trusting the key configured, finds nothing wrong, and says it is only CONSISTENT (3).
    expect(await auditVerify([], env)).toBe(3);
  });
});
