/**
 * Erasure keeps the evidence: after a household's data key is destroyed, every chain, every signed
 * checkpoint, the bundle exported before, a new export proving it extends the checkpoint signed before,
 * and the whole-log verification against the checkpoints all still hold; and no table holds the plaintext.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { verifyBundle } from '@libs/audit/bundle';
import { verifyConsistency } from '@libs/audit/consistency';
import { auditLog } from '@libs/audit/log-verification/audit-log';
import { generateSigningKeyPair, keyFingerprint, loadPublicKey, SignedCheckpoint } from '@libs/audit/signing';
import { eventually, logLength, startTestApp, TestApp } from './support/test-app';

const tag = randomBytes(4).toString('hex');
const SECRETS = [`Ma Lan ${tag}`, `diabetes of her husband ${tag}`];
const KEY = generateSigningKeyPair().privateKeyPem;

describe('erasure keeps the audit evidence', () => {
  let app: TestApp;
  let householdId: string;
  let before: SignedCheckpoint;
  let bundleBefore: string;
  const stream = () => `household-${householdId}`;

  /** Every row of every table of the database as text. */
  async function wholeDatabase(): Promise<string> {
    const tables: { schema: string; name: string }[] = await app.runtime.dataSource.query(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const texts: string[] = [];
    for (const { schema, name } of tables) {
      const rows: { row: string }[] = await app.runtime.dataSource.query(`SELECT t::text AS row FROM "${schema}"."${name}" t`);
      texts.push(...rows.map((r) => `${schema}.${name}: ${r.row}`));
    }
    return texts.join('\n');
  }

  beforeAll(async () => {
    process.env.AUDIT_SIGNING_KEY = KEY;
    process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS = '0';
    app = await startTestApp({ projector: true });
    const enrolled = await request(app.http)
      .post('/households')
      .send({ villageCode: '640104001001', category: 'stable', members: 3, head: { name: SECRETS[0] } })
      .expect(201);
    householdId = enrolled.body.householdId;
    await request(app.http)
      .post(`/households/${householdId}/needs`)
      .send({ focusArea: 'health', kind: 'care', description: SECRETS[1] })
      .expect(201);
    // The last appends may stay a moment above the log's visibility limit: sign once both are covered.
    before = await eventually(async () => {
      const signed = (await request(app.http).post('/audit/checkpoints').expect(201)).body;
      expect(signed.eventCount).toBe(await logLength(app));
      return signed;
    });
    bundleBefore = (await request(app.http).get(`/audit/streams/${stream()}/export`).expect(200)).text;
    await request(app.http).post(`/households/${householdId}/erasure`).send({ legalBasis: 'purpose-achieved' }).expect(200);
  });
  afterAll(async () => {
    await app.close();
    delete process.env.AUDIT_SIGNING_KEY;
    delete process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;
  });

  it("still verifies the household's chain, and the signed checkpoint against the log", async () => {
    expect((await request(app.http).get(`/audit/streams/${stream()}/verify`).expect(200)).body).toMatchObject({
      ok: true,
      checkpoint: { signatureValid: true, logMatches: true },
    });
    expect((await request(app.http).get('/audit/checkpoints/latest/verify').expect(200)).body).toMatchObject({ ok: true });
  });

  it('still verifies offline the bundle exported before, and a new export that extends the checkpoint signed before', async () => {
    const key = (await request(app.http).get('/audit/public-key').expect(200)).body.publicKey;
    expect(verifyBundle(bundleBefore, { trustedPublicKey: key }).ok).toBe(true);
    await request(app.http)
      .post(`/households/${householdId}/needs`)
      .send({ focusArea: 'health', kind: 'care', description: 'after' })
      .expect(201);
    const after = (await request(app.http).get(`/audit/streams/${stream()}/export?trusted=${before.eventCount}`).expect(200)).text;
    expect(verifyBundle(after, { trustedPublicKey: key, trustedCheckpoint: before })).toMatchObject({ ok: true, events: 3 });
    const later: SignedCheckpoint = (await request(app.http).get('/audit/checkpoints/latest').expect(200)).body;
    const { body } = await request(app.http).get(`/audit/checkpoints/${before.eventCount}/consistency/${later.eventCount}`).expect(200);
    expect(verifyConsistency(body.proof, before.merkleRoot, later.merkleRoot)).toBe(true);
  });

  it('still passes whole-log verification against every signed checkpoint', async () => {
    const key = loadPublicKey(KEY);
    const audit = await auditLog(app.runtime.databaseUrl, new Map([[keyFingerprint(key), key]]), { workers: 0 });
    expect(audit).toMatchObject({ intact: true, chains: { intact: true } });
    expect(audit.checkpoints.matched).toBe(audit.checkpoints.checkpoints);
    expect(audit.checkpoints.matched).toBeGreaterThanOrEqual(2);
  });

  it('holds the plaintext in no table: log, read models, dead letters, checkpoints, notes, caches of answers', async () => {
    const everything = await wholeDatabase();
    expect(everything).toContain(householdId);
    expect(SECRETS.filter((secret) => everything.includes(secret))).toEqual([]);
    const history = JSON.stringify((await request(app.http).get(`/audit/streams/${stream()}/history`).expect(200)).body);
    expect(SECRETS.filter((secret) => history.includes(secret))).toEqual([]);
  });
});
