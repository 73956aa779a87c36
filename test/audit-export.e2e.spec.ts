/**
 * A case exported as an NDJSON bundle and checked offline, with no database: by verifyBundle and by the
 * `family-ledger verify` command line; then rejected after one byte of it is changed.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { verifyBundle } from '@libs/audit/bundle';
import { exportPublicKey, generateSigningKeyPair, loadPrivateKey, verifyCheckpoint } from '@libs/audit/signing';
import { runVerifier } from './support/operator';
import { seedBulletin } from './support/seeded-bulletin';
import { logLength, startTestApp, TestApp } from './support/test-app';

const DISTRICT = '640121';
const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
const ZHOU = { 'X-Actor': 'sup-zhou' };
const day = (d: string) => `2012-${d}T02:00:00.000Z`;
const ROOT = join(__dirname, '..');
const KEY = generateSigningKeyPair().privateKeyPem;

/** The built command line when there is a build (as `npx family-ledger` runs it), else the same main() in-process. */
function familyLedger(args: string[]): { code: number; out: string } {
  if (existsSync(join(ROOT, 'dist/scripts/verify/cli.js'))) {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/family-ledger.js'), ...args], { encoding: 'utf8' });
    return { code: run.status ?? -1, out: run.stdout + run.stderr };
  }
  return runVerifier(args);
}

/** The bundle with the byte at `index` replaced by another printable ASCII character. */
function changeOneByte(text: string, index: number): string {
  const replacement = text[index] === '1' ? '2' : '1';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('exporting a case for offline verification', () => {
  let app: TestApp;
  let dir: string;
  const caseId = randomUUID();
  const post = (path: string, headers: Record<string, string>, body: object) =>
    request(app.http)
      .post(path)
      .set(headers)
      .send(body)
      .expect((r) => expect(r.status).toBeLessThan(300));

  beforeAll(async () => {
    process.env.AUDIT_SIGNING_KEY = KEY;
    process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS = '0';
    app = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'family-ledger-export-'));
    await post(`/supervision/${DISTRICT}/assignment`, OFFICE, { supervisorId: 'sup-zhou', reason: 'order 12', occurredAt: day('01-01') });
    await post('/cases', ZHOU, {
      caseId,
      subjectUnit: 'unit-2',
      districtCode: DISTRICT,
      grounds: ['formal-compliance-only'],
      evidence: [{ reference: 'v', description: 'signs only' }],
      reason: 'forms without visits',
      occurredAt: day('03-10'),
    });
    await post(`/supervision/${DISTRICT}/visits`, ZHOU, {
      month: '201203',
      unitsVisited: ['unit-2'],
      findings: 'no change',
      occurredAt: day('03-12'),
    });
    await seedBulletin(app, {
      districtCode: DISTRICT,
      bulletinId: 'b-1',
      supervisorId: 'sup-zhou',
      period: '201201B',
      issuedAt: day('03-05'),
    });
    await post(`/cases/${caseId}/issue-criticism`, ZHOU, { bulletinId: 'b-1', reason: 'named in the bulletin', occurredAt: day('03-20') });
  });
  afterAll(async () => {
    await app.close();
    delete process.env.AUDIT_SIGNING_KEY;
    delete process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;
  });

  it('publishes the checkpoint-signing key', async () => {
    const { body } = await request(app.http).get('/audit/public-key').expect(200);
    expect(body).toMatchObject({
      algorithm: 'Ed25519',
      publicKey: exportPublicKey(loadPrivateKey(KEY)),
      keyId: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(body.pem).toContain('BEGIN PUBLIC KEY');
  });

  it('exports a bundle that verifies offline against the published key, by verifyBundle and by the command line', async () => {
    const exported = await request(app.http).get(`/cases/${caseId}/export`).expect(200);
    expect(exported.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(exported.headers['content-disposition']).toBe(`attachment; filename="case-${caseId}.ndjson"`);
    const bundle = exported.text;
    const { body: key } = await request(app.http).get('/audit/public-key').expect(200);

    const verdict = verifyBundle(bundle, { trustedPublicKey: key.publicKey });
    expect(verdict).toMatchObject({ ok: true, stream: `case-${caseId}`, events: 2, firstBadRevision: null, keyId: key.keyId });
    expect(verdict.checks.map((c) => [c.name, c.ok])).toEqual([
      ['format', true],
      ['chain', true],
      ['chain-head', true],
      ['inclusion', true],
      ['stream-head', true],
      ['signature', true],
      ['key', true],
    ]);
    const manifest = JSON.parse(bundle.split('\n')[0]).manifest;
    expect(manifest.checkpoint.eventCount).toBe(await logLength(app));
    // The chain is over what was stored: personal fields travel as their ciphertext, readable to no one offline.
    expect(bundle).not.toContain('signs only');
    expect(JSON.parse(bundle.split('\n')[1]).data.evidence[0].description).toMatch(/^pii1\./);

    const file = join(dir, 'case.ndjson');
    writeFileSync(file, bundle);
    const cli = familyLedger(['verify', file, '--public-key', key.publicKey]);
    expect(cli.out).toContain('verdict: VERIFIED');
    expect(cli.code).toBe(0);
    // The key as the service serves it, saved whole (`curl .../audit/public-key > key.json`).
    const keyFile = join(dir, 'public-key.json');
    writeFileSync(keyFile, JSON.stringify(key));
    const { code, lines } = runVerifier(['verify', file, '--public-key', keyFile]);
    expect({ code, verdict: lines.at(-1) }).toEqual({
      code: 0,
      verdict: 'verdict: VERIFIED',
    });

    const forged = changeOneByte(bundle, bundle.indexOf('"bulletinId":"b-1"') + '"bulletinId":"b-'.length);
    expect(forged).not.toBe(bundle);
    expect(forged.length).toBe(bundle.length);
    const rejected = verifyBundle(forged, { trustedPublicKey: key.publicKey });
    expect(rejected).toMatchObject({ ok: false, firstBadRevision: 1 });
    writeFileSync(file, forged);
    const cliRejects = familyLedger(['verify', file, '--public-key', key.publicKey]);
    expect(cliRejects.out).toContain('NOT VERIFIED');
    expect(cliRejects.code).toBe(1);
  });

  it('rejects a bundle whose signed root has one byte changed, or that was signed with a key other than the trusted one', async () => {
    const bundle = (await request(app.http).get(`/cases/${caseId}/export`).expect(200)).text;
    expect(verifyBundle(bundle).ok).toBe(true);
    const manifest = JSON.parse(bundle.split('\n')[0]).manifest;
    const at = bundle.indexOf(manifest.checkpoint.merkleRoot) + 10;
    expect(verifyBundle(changeOneByte(bundle, at)).ok).toBe(false);
    const stranger = exportPublicKey(loadPrivateKey(generateSigningKeyPair().privateKeyPem));
    const verdict = verifyBundle(bundle, { trustedPublicKey: stranger });
    expect(verdict.ok).toBe(false);
    expect(verdict.checks.find((c) => c.name === 'key')).toMatchObject({ ok: false });
  });

  it("signs a new checkpoint for an export when the latest one does not reach the case's last event", async () => {
    const first = (await request(app.http).post('/audit/checkpoints').expect(201)).body;
    expect(verifyCheckpoint(first, loadPrivateKey(KEY))).toBe(true);
    await post(`/cases/${caseId}/escalate`, ZHOU, { to: 'city-leading-group', reason: 'no change', occurredAt: day('03-25') });
    const bundle = (await request(app.http).get(`/cases/${caseId}/export`).expect(200)).text;
    const manifest = JSON.parse(bundle.split('\n')[0]).manifest;
    expect(manifest.checkpoint.eventCount).toBe(first.eventCount + 1);
    const { note, ...latest } = (await request(app.http).get('/audit/checkpoints/latest').expect(200)).body;
    expect(latest).toEqual(manifest.checkpoint);
    expect(note).toBe(manifest.note);
    expect(verifyBundle(bundle).ok).toBe(true);
  });

  it("exports any stream the same way, here the district's supervision", async () => {
    const bundle = (await request(app.http).get(`/audit/streams/supervision-${DISTRICT}/export`).expect(200)).text;
    const { body: key } = await request(app.http).get('/audit/public-key').expect(200);
    expect(verifyBundle(bundle, { trustedPublicKey: key.publicKey })).toMatchObject({
      ok: true,
      stream: `supervision-${DISTRICT}`,
      // The assignment, the visit and the bulletin the criticism cites.
      events: 3,
    });
  });
});
