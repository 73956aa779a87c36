/**
 * `npm run audit:verify` against a real log: intact, then the two tampers the chains alone miss, each
 * found by the signed checkpoints: a household event rewritten with its chain recomputed, and a stream's
 * last event deleted.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CheckpointWriter, loadCheckpointConfig } from '@libs/audit/checkpointing';
import { auditLog } from '@libs/audit/log-verification/audit-log';
import { exportPublicKey, generateSigningKeyPair, keyFingerprint, loadPublicKey } from '@libs/audit/signing';
import { ManualClock } from '@libs/clock';
import { libSchema, openDatabase } from '@libs/database/data-source';
import { eventHash, EventToAppend, RecordedEvent } from '@libs/event-store';
import { PostgresEventStore } from '@libs/event-store/postgres/postgres-event-store';
import { createTestDatabase, TestDatabase } from '@libs/testing/test-database';
import { auditVerify } from './verify';

const KEY = generateSigningKeyPair().privateKeyPem;
/** The key as the auditor pins it: base64 SPKI, as GET /audit/public-key serves it. */
const PUBLIC = exportPublicKey(loadPublicKey(KEY));
const event = (type: string, n: number): EventToAppend => ({
  id: randomUUID(),
  type,
  data: { n, note: `event ${n}` },
  metadata: { actor: 'registrar-1', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-03-01T00:00:00.000Z' },
});

describe('audit:verify, whole-log verification against the signed checkpoints', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let writer: CheckpointWriter;
  const env = () => ({ DATABASE_URL: database.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'audit-verify-')), AUDIT_SIGNING_KEY: KEY });
  const keys = new Map([[keyFingerprint(loadPublicKey(KEY)), loadPublicKey(KEY)]]);
  const sql = (text: string, values: unknown[]) => dataSource.query(text, values);

  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, libSchema);
    store = new PostgresEventStore({ connectionString: database.url });
    writer = new CheckpointWriter(
      store,
      dataSource.manager,
      new ManualClock(new Date('2012-03-01T08:00:00.000Z')),
      loadCheckpointConfig({ AUDIT_SIGNING_KEY: KEY }, '/nonexistent'),
    );
    for (let round = 0; round < 4; round++) {
      await store.appendToStream('household-a', [event(round ? 'NeedRecorded' : 'HouseholdEnrolled', round)]);
      await store.appendToStream('household-b', [event(round ? 'ServiceDelivered' : 'HouseholdEnrolled', round)]);
      if (round === 1) await writer.checkpoint();
    }
    await writer.checkpoint();
  });
  afterEach(async () => {
    await writer.stop();
    await store.close();
    await dataSource.destroy();
    await database.drop();
  });

  /** The exit code and the verdict line of a run. */
  const run = async (argv: string[]) => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const code = await auditVerify(argv, env());
      return { code, verdict: log.mock.calls.map(([line]) => String(line)).pop() };
    } finally {
      log.mockRestore();
    }
  };

  it('finds an untouched log intact, every checkpoint matched: VERIFIED, exit 0, under the key pinned', async () => {
    expect(await auditLog(database.url, keys, { pageSize: 3, workers: 0 })).toMatchObject({
      intact: true,
      chains: { events: 8, intact: true },
      checkpoints: { events: 8, checkpoints: 2, matched: 2 },
    });
    expect(await run(['--page-size', '3', '--public-key', PUBLIC])).toEqual({ code: 0, verdict: 'verdict: VERIFIED' });
  });

  it('takes the key as GET /audit/public-key serves it (JSON), and refuses a document whose keyId is another key', async () => {
    const served = { algorithm: 'Ed25519', keyId: keyFingerprint(loadPublicKey(KEY)), publicKey: PUBLIC };
    expect(await run(['--public-key', JSON.stringify(served)])).toEqual({ code: 0, verdict: 'verdict: VERIFIED' });
    const contradicting = { ...served, keyId: keyFingerprint(loadPublicKey(generateSigningKeyPair().privateKeyPem)) };
    // Thrown: the command's entry point exits 2, the log not judged.
    await expect(run(['--public-key', JSON.stringify(contradicting)])).rejects.toThrow(/is not the fingerprint of the key it carries/);
  });

  it("calls the log only CONSISTENT, exit 3, when no key is pinned: the configured key is the operator's word", async () => {
    expect(await run(['--page-size', '3'])).toEqual({
      code: 3,
      verdict: 'verdict: CONSISTENT (signing key not pinned: give --public-key to verify)',
    });
  });

  it('calls intact chains with no signed checkpoint only CONSISTENT, exit 3, though a key is pinned', async () => {
    await sql(`DELETE FROM audit.checkpoints`, []);
    expect(await run(['--public-key', PUBLIC])).toEqual({
      code: 3,
      verdict: 'verdict: CONSISTENT (no signed checkpoint: the chains hold only to themselves)',
    });
  });

  it('reads the log in the order of its positions, not of their text, past a power of ten', async () => {
    for (let i = 0; i < 120; i++) await store.appendToStream('household-c', [event('NeedRecorded', i)]);
    await writer.checkpoint();
    expect(await auditLog(database.url, keys, { pageSize: 7, workers: 0 })).toMatchObject({
      intact: true,
      checkpoints: { checkpoints: 3, matched: 3 },
    });
  });

  it('finds a household event rewritten with its chain recomputed, which every chain still passes, and exits 1', async () => {
    const rows = await store.readStream('household-a');
    let previous = rows[1].previousHash;
    for (const row of rows.slice(1)) {
      const content = row.revision === 1n ? { ...row, data: { ...row.data, note: 'rewritten' } } : row;
      const hash = eventHash(previous, content);
      await sql(
        `UPDATE event_store.events SET data = $3, previous_hash = decode($4, 'hex'), hash = decode($5, 'hex') WHERE stream_id = $1 AND stream_revision = $2`,
        ['household-a', row.revision.toString(), JSON.stringify(content.data), previous, hash],
      );
      previous = hash;
    }
    const audit = await auditLog(database.url, keys, { pageSize: 3, workers: 0 });
    expect(audit).toMatchObject({
      intact: false,
      chains: { intact: true },
      checkpoints: { matched: 0, firstBreak: { reason: 'root-mismatch', lastGood: null } },
    });
    expect(audit.summary).toMatch(/^TAMPERED: .*the log's first 4 events hash to/);
    expect(await run([])).toEqual({ code: 1, verdict: 'verdict: NOT VERIFIED' });
  });

  it('finds the last event of a stream deleted, which leaves its chain intact, and exits 1', async () => {
    const last: RecordedEvent = (await store.readStream('household-b'))[3];
    await sql(`DELETE FROM event_store.events WHERE event_id = $1`, [last.id]);
    const audit = await auditLog(database.url, keys, { pageSize: 3, workers: 2 });
    expect(audit).toMatchObject({
      intact: false,
      chains: { intact: true, events: 7 },
      checkpoints: { matched: 1, firstBreak: { reason: 'beyond-log', lastGood: { eventCount: 4 } } },
    });
    expect(audit.summary).toContain('the change lies after event 4');
    expect(await auditVerify([], env())).toBe(1);
  });

  it('finds a v1 stream renamed whole, which keeps every leaf and chain, by the heads the latest checkpoint signed', async () => {
    // An event recorded before identities were bound (v1): its hash covers its type, data and metadata only.
    await store.appendToStream('household-old', [event('HouseholdEnrolled', 9)]);
    const [stored] = await store.readStream('household-old');
    const { hashVersion: _v2, ...metadata } = stored.metadata;
    await sql(`UPDATE event_store.events SET metadata = $2, hash = decode($3, 'hex') WHERE event_id = $1`, [
      stored.id,
      JSON.stringify(metadata),
      eventHash(stored.previousHash, { type: stored.type, data: stored.data, metadata }),
    ]);
    const latest = await writer.checkpoint();
    expect(await auditLog(database.url, keys, { workers: 0 })).toMatchObject({ intact: true, checkpoints: { matched: 3 } });
    await sql(`UPDATE event_store.events SET stream_id = 'household-new' WHERE event_id = $1`, [stored.id]);
    const audit = await auditLog(database.url, keys, { pageSize: 3, workers: 0 });
    expect(audit).toMatchObject({
      intact: false,
      chains: { intact: true },
      checkpoints: { matched: 2, firstBreak: { checkpoint: latest, reason: 'heads-mismatch', lastGood: { eventCount: 8 } } },
    });
    expect(audit.summary).toContain('no longer hash to its signed heads root');
  });

  it('does not trust a checkpoint signed by a key it was not given', async () => {
    const stranger = loadPublicKey(generateSigningKeyPair().privateKeyPem);
    const audit = await auditLog(database.url, new Map([[keyFingerprint(stranger), stranger]]), { workers: 0 });
    expect(audit).toMatchObject({ intact: false, checkpoints: { firstBreak: { reason: 'unknown-key' } } });
  });

  it("does not trust a key an insider added to the keys' history, nor the checkpoints it signed over a rewritten log", async () => {
    // The insider rewrites an event (chain recomputed), drops the real checkpoints, and signs the rewrite with a key of their own.
    const [row] = await store.readStream('household-b');
    const rewritten = { ...row, data: { ...row.data, note: 'rewritten' } };
    await sql(`UPDATE event_store.events SET data = $2, hash = decode($3, 'hex') WHERE event_id = $1`, [
      row.id,
      JSON.stringify(rewritten.data),
      eventHash(row.previousHash, rewritten),
    ]);
    const rest = (await store.readStream('household-b')).slice(1);
    let previous = eventHash(row.previousHash, rewritten);
    for (const next of rest) {
      const hash = eventHash(previous, next);
      await sql(`UPDATE event_store.events SET previous_hash = decode($2, 'hex'), hash = decode($3, 'hex') WHERE event_id = $1`, [
        next.id,
        previous,
        hash,
      ]);
      previous = hash;
    }
    await sql(`DELETE FROM audit.checkpoints`, []);
    const rogue = new CheckpointWriter(
      store,
      dataSource.manager,
      new ManualClock(),
      loadCheckpointConfig({ AUDIT_SIGNING_KEY: generateSigningKeyPair().privateKeyPem }, '/x'),
    );
    await rogue.checkpoint();
    await rogue.stop();
    expect(await auditVerify([], env())).toBe(1);
    expect((await auditLog(database.url, new Map([[rogue.keyId(), rogue.publicKey()]]), { workers: 0 })).intact).toBe(true);
  });

  it('exits 2 on a bad argument, before touching the log', async () => {
    await expect(auditVerify(['--workers', 'many'], env())).rejects.toThrow('--workers');
  });
});
