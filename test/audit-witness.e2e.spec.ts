/**
 * A witness following the running service over HTTP: it cosigns the latest checkpoint, then a later one
 * after checking the consistency proof; the service keeps the checked cosignatures and serves them in the
 * notes; an export carries them, and the offline verifier requires N witnesses.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { verifyBundle } from '@libs/audit/bundle';
import { parseNote } from '@libs/audit/notes/signed-note';
import { verifiedWitnesses } from '@libs/audit/notes/cosignature';
import { parseVerifierKey } from '@libs/audit/notes/note-keys';
import { generateSigningKeyPair } from '@libs/audit/signing';
import { runWitness } from '../scripts/audit/witness';
import { startTestApp, TestApp } from './support/test-app';

const DISTRICT = '640122';
const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };

describe("a witness cosigning the service's checkpoints", () => {
  let app: TestApp;
  let url: string;
  let token: string;
  const dir = mkdtempSync(join(tmpdir(), 'witness-'));
  const keyFile = join(dir, 'witness.key');
  let witnessKey: string;
  const lines: string[] = [];
  const witness = (args: string[]) => runWitness(args, {}, (line) => lines.push(line));
  const assign = (supervisorId: string) =>
    request(app.http)
      .post(`/supervision/${DISTRICT}/assignment`)
      .set(OFFICE)
      .send({ supervisorId, reason: 'order 12', occurredAt: '2012-01-01T02:00:00.000Z' })
      .expect(200);

  beforeAll(async () => {
    process.env.AUDIT_SIGNING_KEY = generateSigningKeyPair().privateKeyPem;
    process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS = '0';
    app = await startTestApp();
    await app.app.listen(0, '127.0.0.1');
    url = (await app.app.getUrl()).replace('[::1]', '127.0.0.1');
    token = await app.token('witness');
    await witness(['--new-key', 'witness.test/a', '--key', keyFile]);
    witnessKey = lines.pop()!;
  });
  afterAll(async () => {
    await app.close();
    delete process.env.AUDIT_SIGNING_KEY;
    delete process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;
  });

  it('cosigns the latest checkpoint, then a later one that extends it, and the service serves both cosigned', async () => {
    await assign('sup-a');
    await request(app.http).post('/audit/checkpoints').expect(201);
    const { verifierKey } = (await request(app.http).get('/audit/public-key').expect(200)).body;
    const args = ['--log-key', verifierKey, '--url', url, '--key', keyFile, '--token', token, '--once'];
    expect(await witness(args)).toBe(0);
    await assign('sup-b');
    const later = (await request(app.http).post('/audit/checkpoints').expect(201)).body;
    expect(await witness(args)).toBe(0);
    expect(lines).toEqual(['cosigned the checkpoint of 1 events', `cosigned the checkpoint of ${later.eventCount} events`]);
    const latest = (await request(app.http).get('/audit/checkpoints/latest').expect(200)).body;
    expect(verifiedWitnesses(parseNote(latest.note), [parseVerifierKey(witnessKey)])).toEqual(['witness.test/a']);
    expect(
      verifiedWitnesses(parseNote((await request(app.http).get('/audit/checkpoints/1').expect(200)).body.note), [
        parseVerifierKey(witnessKey),
      ]),
    ).toHaveLength(1);
  });

  it('exports a bundle whose checkpoint note carries the cosignature, which the verifier can require', async () => {
    const bundle = (await request(app.http).get(`/audit/streams/supervision-${DISTRICT}/export`).expect(200)).text;
    expect(verifyBundle(bundle, { witnesses: { keys: [witnessKey], required: 1 } })).toMatchObject({ ok: true });
    await witness(['--new-key', 'witness.test/b', '--key', join(dir, 'other.key')]);
    const absent = lines.pop()!;
    const verdict = verifyBundle(bundle, { witnesses: { keys: [witnessKey, absent], required: 2 } });
    expect(verdict.ok).toBe(false);
    expect(verdict.checks.at(-1)).toMatchObject({ name: 'witnesses', ok: false, detail: expect.stringContaining('1 of the 2 witnesses') });
  });

  it('refuses a cosignature that does not verify over the checkpoint (422), and keeps nothing of it', async () => {
    const latest = (await request(app.http).get('/audit/checkpoints/latest').expect(200)).body;
    const line = latest.note.slice(latest.note.lastIndexOf('\u2014 '));
    const other = (await request(app.http).post(`/audit/checkpoints/1/cosignatures`).send({ witnessKey, cosignature: line }).expect(422))
      .body;
    expect(other.code).toBe('cosignature-rejected');
    await request(app.http)
      .post(`/audit/checkpoints/1/cosignatures`)
      .send({ witnessKey: 'nonsense+00000000+AA==', cosignature: line })
      .expect(422);
    await request(app.http).post(`/audit/checkpoints/1/cosignatures`).send({ witnessKey }).expect(400);
    await request(app.http).post(`/audit/checkpoints/999/cosignatures`).send({ witnessKey, cosignature: line }).expect(404);
    const [{ count }] = await app.runtime.dataSource.query(`SELECT count(*)::int AS count FROM audit.cosignatures`);
    expect(count).toBe(2);
  });
});
