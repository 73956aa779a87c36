import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../clock';
import { ConfigError } from '../../config/config';
import { libSchema, openDatabase } from '../../database/data-source';
import { eventHash, GENESIS_HASH } from '../../event-store/hash-chain';
import { PostgresEventStore } from '../../event-store/postgres/postgres-event-store';
import { createTestDatabase, TestDatabase } from '../../testing/test-database';
import { verifyConsistency } from '../consistency';
import { verifyInclusion } from '../merkle';
import { exportPublicKey, generateSigningKeyPair, verifyCheckpoint } from '../signing';
import { loadCheckpointConfig } from './checkpoint-config';
import { CheckpointWriter } from './checkpoint-writer';

const KEY = generateSigningKeyPair().privateKeyPem;
const event = (type = 'SupervisorAssigned') => ({
  id: randomUUID(),
  type,
  data: { n: randomUUID() },
  metadata: { actor: 'office', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-03-01T00:00:00.000Z' },
});

describe('the checkpoint writer', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let writer: CheckpointWriter;
  const clock = new ManualClock(new Date('2012-03-01T08:00:00.000Z'));

  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, libSchema);
    store = new PostgresEventStore({ connectionString: database.url });
    writer = new CheckpointWriter(store, dataSource.manager, clock, loadCheckpointConfig({ AUDIT_SIGNING_KEY: KEY }, '/nonexistent'));
  });
  afterEach(async () => {
    await writer.stop();
    await store.close();
    await dataSource.destroy();
    await database.drop();
  });

  it('signs a Merkle root over the whole log that verifies under its public key', async () => {
    await store.appendToStream('supervision-640104', [event(), event('SupervisionVisitRecorded')]);
    const head = await store.appendToStream('case-1', [event('CaseOpened')]);
    const signed = await writer.checkpoint();
    expect(signed).toMatchObject({ eventCount: 3, position: head.position.commit.toString(), signedAt: '2012-03-01T08:00:00.000Z' });
    expect(verifyCheckpoint(signed, writer.publicKey())).toBe(true);
    expect(await writer.verifyAgainstLog(signed)).toEqual({ signature: true, root: true });
  });

  it('signs again only when the log has grown', async () => {
    await store.appendToStream('case-1', [event('CaseOpened')]);
    const first = await writer.checkpoint();
    expect(await writer.checkpoint()).toEqual(first);
    await store.appendToStream('case-1', [event('CaseClosed')]);
    const second = await writer.checkpoint();
    expect(second.eventCount).toBe(2);
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM audit.checkpoints`);
    expect(count).toBe(2);
  });

  it('refuses to checkpoint an empty log', async () => {
    await expect(writer.checkpoint()).rejects.toMatchObject({ code: 'log-empty' });
  });

  it('proves an event is a leaf of a checkpoint that reaches it, signing one when none does', async () => {
    await store.appendToStream('case-1', [event('CaseOpened')]);
    await writer.checkpoint();
    await store.appendToStream('case-2', [event('CaseOpened'), event('CaseClosed')]);
    const [, last] = await store.readStream('case-2');
    const { checkpoint, proof } = await writer.prove('case-2', last.position);
    expect(checkpoint.eventCount).toBe(3);
    expect(verifyInclusion(last.hash, proof, checkpoint.merkleRoot)).toBe(true);
  });

  it('finds that the log no longer matches a checkpoint after a row was rewritten with its chain recomputed', async () => {
    await store.appendToStream('case-1', [event('CaseOpened'), event('CaseClosed')]);
    const signed = await writer.checkpoint();
    await dataSource.query(`UPDATE event_store.events SET hash = sha256(hash) WHERE stream_id = 'case-1' AND stream_revision = 1`);
    expect(await writer.verifyAgainstLog(signed)).toEqual({ signature: true, root: false });
  });

  it("finds a plain UPDATE of an event's data, its stored hashes untouched: leaves are recomputed from content", async () => {
    await store.appendToStream('case-3', [event('CaseOpened'), event('CaseClosed')]);
    const signed = await writer.checkpoint();
    expect(await writer.verifyAgainstLog(signed)).toEqual({ signature: true, root: true });
    await dataSource.query(
      `UPDATE event_store.events SET data = jsonb_set(data, '{forged}', 'true') WHERE stream_id = 'case-3' AND stream_revision = 0`,
    );
    expect(await writer.verifyAgainstLog(signed)).toEqual({ signature: true, root: false });
  });

  it('finds the last event of the log deleted after it was signed', async () => {
    await store.appendToStream('case-4', [event('CaseOpened'), event('CaseClosed')]);
    const signed = await writer.checkpoint();
    await dataSource.query(`DELETE FROM event_store.events WHERE stream_id = 'case-4' AND stream_revision = 1`);
    expect(await writer.verifyAgainstLog(signed)).toEqual({ signature: true, root: false });
  });

  it('finds a v1 stream renamed whole, which keeps every leaf of the signed tree: its signed heads name it', async () => {
    // An event recorded before identities were bound (v1): its hash covers its type, data and metadata only.
    const [stored] = await store.appendToStream('case-7', [event('CaseOpened')]).then(() => store.readStream('case-7'));
    const { hashVersion: _v2, ...metadata } = stored.metadata;
    const v1 = eventHash(GENESIS_HASH, { type: stored.type, data: stored.data, metadata });
    await dataSource.query(`UPDATE event_store.events SET metadata = $2, hash = decode($3, 'hex') WHERE event_id = $1`, [
      stored.id,
      JSON.stringify(metadata),
      v1,
    ]);
    await store.appendToStream('case-8', [event('CaseOpened')]);
    const signed = await writer.checkpoint();
    expect(await writer.verifyAgainstLog(signed)).toEqual({ signature: true, root: true });
    await dataSource.query(`UPDATE event_store.events SET stream_id = 'case-9' WHERE event_id = $1`, [stored.id]);
    expect(await writer.verifyAgainstLog(signed)).toEqual({ signature: true, root: false });
  });

  it('proves that a later checkpoint extends an earlier one', async () => {
    const earlier = await writer.checkpoint().catch(async () => {
      await store.appendToStream('case-5', [event('CaseOpened')]);
      return writer.checkpoint();
    });
    await store.appendToStream('case-5', [event('CaseClosed')], {});
    const later = await writer.checkpoint();
    const proof = await writer.consistencyBetween(earlier, later);
    expect(verifyConsistency(proof, earlier.merkleRoot, later.merkleRoot)).toBe(true);
  });

  it('refuses to sign over a row whose data no longer matches its hash', async () => {
    await store.appendToStream('case-6', [event('CaseOpened')]);
    await dataSource.query(`UPDATE event_store.events SET data = jsonb_set(data, '{forged}', 'true') WHERE stream_id = 'case-6'`);
    await store.appendToStream('case-6', [event('CaseClosed')], {});
    await expect(writer.checkpoint()).rejects.toMatchObject({ code: 'log-disagrees-with-checkpoint' });
  });

  it('starts no timer when the interval is 0', () => {
    const idle = new CheckpointWriter(
      store,
      dataSource.manager,
      clock,
      loadCheckpointConfig({ AUDIT_SIGNING_KEY: KEY, AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0' }, '/x'),
    );
    idle.start();
    expect((idle as unknown as { timer?: unknown }).timer).toBeUndefined();
  });
});

describe('the checkpoint configuration', () => {
  it('generates a key under the data directory on first use, private to its owner, and keeps it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'family-ledger-audit-'));
    const config = loadCheckpointConfig({}, dataDir);
    expect(config).toEqual({
      signingKey: { kind: 'generated', path: join(dataDir, 'audit', 'checkpoint-signing-key.pem') },
      intervalMs: 300_000,
      origin: 'family-ledger/640100',
    });
    const writer = new CheckpointWriter(undefined as never, undefined as never, new ManualClock(), config);
    const first = exportPublicKey(writer.publicKey());
    const pem = readFileSync(join(dataDir, 'audit', 'checkpoint-signing-key.pem'), 'utf8');
    expect(pem).toContain('BEGIN PRIVATE KEY');
    expect(statSync(join(dataDir, 'audit', 'checkpoint-signing-key.pem')).mode & 0o777).toBe(0o600);
    const again = new CheckpointWriter(undefined as never, undefined as never, new ManualClock(), loadCheckpointConfig({}, dataDir));
    expect(exportPublicKey(again.publicKey())).toBe(first);
    expect(readdirSync(join(dataDir, 'audit'))).toEqual(['checkpoint-signing-key.pem']);
  });

  it.each([
    [{ AUDIT_SIGNING_KEY: 'not a key' }, 'AUDIT_SIGNING_KEY'],
    [{ AUDIT_CHECKPOINT_INTERVAL_SECONDS: 'hourly' }, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS'],
    [{ AUDIT_CHECKPOINT_INTERVAL_SECONDS: '-5' }, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS'],
  ])('refuses %j with a message naming %s and not the value', (env, setting) => {
    expect(() => loadCheckpointConfig(env, '.data')).toThrow(ConfigError);
    expect(() => loadCheckpointConfig(env, '.data')).toThrow(setting);
    expect(() => loadCheckpointConfig(env, '.data')).not.toThrow(/not a key|hourly/);
  });
});
