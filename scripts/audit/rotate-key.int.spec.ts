/**
 * Key rotation: the new key is announced in a checkpoint whose note both keys sign, the key file switches,
 * checkpoints signed before still verify, the keys' history names both, and audit:verify, given the old key, trusts both.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointWriter, keyHistory, loadCheckpointConfig, openCheckpointNote, storedCheckpointOfSize } from '@libs/audit/checkpointing';
import { parseNote, verifiedSigners } from '@libs/audit/notes/signed-note';
import { parseVerifierKey } from '@libs/audit/notes/note-keys';
import { exportPublicKey, keyFingerprint, loadPublicKey, verifyCheckpoint } from '@libs/audit/signing';
import { systemClock } from '@libs/clock';
import { eventToAppend, openStoreDatabase, StoreDatabase } from '@libs/testing/store-database';
import { rotateKey } from './rotate-key';
import { auditVerify } from './verify';

const event = () => eventToAppend('SupervisorAssigned');

describe('audit:rotate-key', () => {
  let db: StoreDatabase;

  beforeAll(async () => (db = await openStoreDatabase()));
  afterAll(() => db.close());

  it('announces the new key under the old, switches, and keeps every earlier checkpoint verifiable', async () => {
    const { database, dataSource, store } = db;
    const dataDir = mkdtempSync(join(tmpdir(), 'rotate-key-'));
    const env = { DATABASE_URL: database.url, DATA_DIR: dataDir, AUDIT_ORIGIN: 'family-ledger.test/640100' };
    const config = loadCheckpointConfig(env, dataDir);
    const before = new CheckpointWriter(store, dataSource.manager, systemClock, config);
    await store.appendToStream('supervision-640104', [event(), event()]);
    const first = await before.checkpoint();
    const oldVerifier = parseVerifierKey(before.verifierKey());
    const oldKey = before.publicKey();
    await before.stop();

    await store.appendToStream('supervision-640104', [event()]);
    const rotation = await rotateKey([], env);
    expect(rotation).toMatchObject({
      oldKeyId: keyFingerprint(oldKey),
      announcedAt: 3,
      switched: true,
      keyFile: join(dataDir, 'audit', 'checkpoint-signing-key.pem'),
    });
    expect(keyFingerprint(loadPublicKey(readFileSync(rotation.keyFile, 'utf8')))).toBe(rotation.newKeyId);

    const after = new CheckpointWriter(store, dataSource.manager, systemClock, loadCheckpointConfig(env, dataDir));
    const newVerifier = parseVerifierKey(after.verifierKey());
    const announcement = (await storedCheckpointOfSize(dataSource.manager, 3))!;
    expect(verifiedSigners(parseNote(announcement.note!), [oldVerifier, newVerifier]).sort()).toEqual(['family-ledger.test/640100']);
    expect(verifiedSigners(parseNote(announcement.note!), [oldVerifier])).toHaveLength(1);
    expect(verifiedSigners(parseNote(announcement.note!), [newVerifier])).toHaveLength(1);
    expect(openCheckpointNote(announcement.note!, [oldVerifier])).toMatchObject({ head: { size: 3 }, announcedKey: after.verifierKey() });

    await store.appendToStream('supervision-640104', [event()]);
    const later = await after.checkpoint();
    expect(later.keyId).toBe(rotation.newKeyId);
    expect(verifyCheckpoint(first, oldKey)).toBe(true);
    expect(openCheckpointNote((await storedCheckpointOfSize(dataSource.manager, 4))!.note!, [newVerifier]).head.size).toBe(4);
    expect(await keyHistory(dataSource.manager)).toEqual([
      {
        keyId: keyFingerprint(oldKey),
        publicKey: expect.any(String),
        verifierKey: before.verifierKey(),
        announcedBy: null,
        firstCheckpoint: 2,
        lastCheckpoint: 3,
      },
      {
        keyId: rotation.newKeyId,
        publicKey: expect.any(String),
        verifierKey: after.verifierKey(),
        announcedBy: 3,
        firstCheckpoint: 3,
        lastCheckpoint: 4,
      },
    ]);
    await after.stop();
    // The auditor pinned the old key; the announcement both keys signed brings in the new one.
    expect(await auditVerify(['--public-key', exportPublicKey(oldKey)], env)).toBe(0);
    expect(await auditVerify([], env)).toBe(3);
  });
});
