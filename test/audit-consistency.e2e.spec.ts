/**
 * Consistency between signed checkpoints over HTTP, an export that proves it extends the checkpoint the
 * auditor trusted, and a stream whose last event was deleted by SQL: its chain intact, its bundle rejected
 * offline because the signed stream heads still name the deleted event.
 */
import request from 'supertest';
import { verifyBundle } from '@libs/audit/bundle';
import { CheckpointWriter, loadCheckpointConfig } from '@libs/audit/checkpointing';
import { verifyConsistency } from '@libs/audit/consistency';
import { inclusionProof } from '@libs/audit/merkle';
import { openCheckpointNote } from '@libs/audit/checkpointing';
import { parseVerifierKey } from '@libs/audit/notes/note-keys';
import { buildBundle } from '@libs/audit/bundle';
import { exportPublicKey, generateSigningKeyPair, loadPrivateKey, SignedCheckpoint } from '@libs/audit/signing';
import { RecordedEvent } from '@libs/event-store';
import { startTestApp, TestApp } from './support/test-app';

const DISTRICT = '640105';
const OFFICE = { 'X-Actor': 'city-office-1', 'X-Actor-Role': 'city-office' };
const KEY = generateSigningKeyPair().privateKeyPem;

describe('consistency proofs and stream heads', () => {
  let app: TestApp;
  let key: string;
  const visit = (month: string) =>
    request(app.http)
      .post(`/supervision/${DISTRICT}/visits`)
      .set({ 'X-Actor': 'sup-li' })
      .send({ month, unitsVisited: ['unit-1'], findings: 'seen', occurredAt: `${month.slice(0, 4)}-${month.slice(4)}-05T02:00:00.000Z` })
      .expect((r) => expect(r.status).toBeLessThan(300));
  const sign = async (): Promise<SignedCheckpoint> => (await request(app.http).post('/audit/checkpoints').expect(201)).body;
  const exportOf = (stream: string, query = '') => request(app.http).get(`/audit/streams/${stream}/export${query}`);

  beforeAll(async () => {
    // The checkpoint writer reads its settings from the process environment, as the other audit suites set them.
    process.env.AUDIT_SIGNING_KEY = KEY;
    process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS = '0';
    app = await startTestApp();
    await request(app.http)
      .post(`/supervision/${DISTRICT}/assignment`)
      .set(OFFICE)
      .send({ supervisorId: 'sup-li', reason: 'order 12', occurredAt: '2012-01-01T02:00:00.000Z' })
      .expect(200);
    key = (await request(app.http).get('/audit/public-key').expect(200)).body.publicKey;
    expect(key).toBe(exportPublicKey(loadPrivateKey(KEY)));
  });
  afterAll(async () => {
    await app.close();
    delete process.env.AUDIT_SIGNING_KEY;
    delete process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;
  });

  it('serves a checkpoint by its size, and the proof that a later one extends it', async () => {
    await visit('201202');
    const first = await sign();
    await visit('201203');
    await visit('201204');
    const second = await sign();
    expect((await request(app.http).get(`/audit/checkpoints/${first.eventCount}`).expect(200)).body).toMatchObject(first);
    const { body } = await request(app.http).get(`/audit/checkpoints/${first.eventCount}/consistency/${second.eventCount}`).expect(200);
    expect(body.first).toMatchObject(first);
    expect(body.second).toMatchObject(second);
    expect(verifyConsistency(body.proof, first.merkleRoot, second.merkleRoot)).toBe(true);
  });

  it("serves each checkpoint as a C2SP signed note too, verifiable with the published note key, and the keys' history", async () => {
    const { body: published } = await request(app.http).get('/audit/public-key').expect(200);
    expect(published).toMatchObject({
      origin: 'family-ledger/640100',
      verifierKey: expect.stringMatching(/^family-ledger\/640100\+[0-9a-f]{8}\+/),
    });
    const latest = (await request(app.http).get('/audit/checkpoints/latest').expect(200)).body;
    const note = openCheckpointNote(latest.note, [parseVerifierKey(published.verifierKey)]);
    expect(note).toMatchObject({
      head: { origin: 'family-ledger/640100', size: latest.eventCount, rootHash: latest.merkleRoot },
      position: latest.position,
      signedAt: latest.signedAt,
      headsRoot: latest.headsRoot,
    });
    const keys = await request(app.http).get('/audit/public-keys').set('authorization', '').expect(200);
    expect(keys.body.keys).toEqual([
      expect.objectContaining({
        keyId: published.keyId,
        verifierKey: published.verifierKey,
        announcedBy: null,
        lastCheckpoint: latest.eventCount,
      }),
    ]);
  });

  it('documents the audit routes in the OpenAPI document', async () => {
    const { paths } = (await request(app.http).get('/openapi.json').expect(200)).body;
    for (const path of [
      '/audit/checkpoints/{size}',
      '/audit/checkpoints/{first}/consistency/{second}',
      '/audit/checkpoints/{size}/cosignatures',
      '/audit/public-keys',
    ]) {
      expect(paths[path]).toBeDefined();
    }
    expect(paths['/audit/streams/{stream}/export'].get.parameters.map((p: { name: string }) => p.name)).toContain('trusted');
  });

  it('answers 400 naming the field for a malformed or inverted size, 404 for a size never signed', async () => {
    const latest: SignedCheckpoint = (await request(app.http).get('/audit/checkpoints/latest').expect(200)).body;
    const bad = await request(app.http).get(`/audit/checkpoints/0/consistency/${latest.eventCount}`).expect(400);
    expect(bad.body).toMatchObject({ code: 'invalid-request', errors: [{ field: 'first' }] });
    expect((await request(app.http).get(`/audit/checkpoints/${latest.eventCount}/consistency/1`).expect(400)).body.errors[0].field).toBe(
      'first',
    );
    expect((await request(app.http).get('/audit/checkpoints/abc').expect(400)).body.errors[0].field).toBe('size');
    expect(
      (
        await request(app.http)
          .get(`/audit/checkpoints/1/consistency/${latest.eventCount + 1000}`)
          .expect(404)
      ).body.code,
    ).toBe('checkpoint-not-found');
    expect((await exportOf(`supervision-${DISTRICT}`, '?trusted=99999').expect(404)).body.code).toBe('checkpoint-not-found');
    expect((await exportOf(`supervision-${DISTRICT}`, '?trusted=x').expect(400)).body.errors[0].field).toBe('trusted');
  });

  it('exports a bundle carrying the proof from the checkpoint the auditor trusted, which the verifier checks', async () => {
    const trusted = await sign();
    await visit('201205');
    const bundle = (await exportOf(`supervision-${DISTRICT}`, `?trusted=${trusted.eventCount}`).expect(200)).text;
    const verdict = verifyBundle(bundle, { trustedPublicKey: key, trustedCheckpoint: trusted });
    expect(verdict.checks.map((c) => [c.name, c.ok])).toEqual([
      ['format', true],
      ['chain', true],
      ['chain-head', true],
      ['inclusion', true],
      ['stream-head', true],
      ['signature', true],
      ['key', true],
      ['consistency', true],
    ]);
    // Without the proof (an export that did not name the trusted checkpoint), the extension cannot be shown.
    const plain = (await exportOf(`supervision-${DISTRICT}`).expect(200)).text;
    expect(verifyBundle(plain, { trustedPublicKey: key, trustedCheckpoint: trusted }).checks.at(-1)).toMatchObject({
      name: 'consistency',
      ok: false,
    });
  });

  it('rejects offline a bundle of a stream whose last event was deleted by SQL, and the service no longer exports it', async () => {
    const stream = `supervision-${DISTRICT}`;
    const good = (await exportOf(stream).expect(200)).text;
    expect(verifyBundle(good, { trustedPublicKey: key }).ok).toBe(true);
    const events: RecordedEvent[] = await app.runtime.rawEventStore.readStream(stream);
    await app.runtime.dataSource.query(`DELETE FROM event_store.events WHERE event_id = $1`, [events.at(-1)!.id]);

    // The insider builds the bundle of what is left from the checkpoint that was signed, with every proof the log gives.
    const manifest = JSON.parse(good.split('\n')[0]).manifest;
    const rest = events.slice(0, -1);
    const writer = new CheckpointWriter(
      app.runtime.rawEventStore,
      app.runtime.dataSource.manager,
      app.runtime.clock,
      loadCheckpointConfig({ AUDIT_SIGNING_KEY: KEY }, '/x'),
    );
    await expect(writer.prove(stream, rest.at(-1)!.position)).rejects.toMatchObject({ code: 'log-disagrees-with-checkpoint' });
    const logHashes: string[] = (
      await app.runtime.dataSource.query(`SELECT encode(hash, 'hex') AS h FROM event_store.events ORDER BY log_position`)
    ).map((r: { h: string }) => r.h);
    const index = logHashes.indexOf(rest.at(-1)!.hash);
    const forged = buildBundle({
      events: rest,
      checkpoint: manifest.checkpoint,
      proof: inclusionProof([...logHashes.slice(0, manifest.checkpoint.eventCount - 1), events.at(-1)!.hash], index),
      headProof: manifest.streamHead,
      publicKey: manifest.publicKey,
    });
    const verdict = verifyBundle(forged, { trustedPublicKey: key });
    expect(verdict.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['stream-head']);
    expect(verdict.ok).toBe(false);
    // The service, restarted over the tampered log, refuses to export or sign over it.
    expect((await exportOf(stream).expect(409)).body.code).toBe('log-disagrees-with-checkpoint');
  });
});
