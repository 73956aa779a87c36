/**
 * Indicators read from a real PostgreSQL streaming replica of the service's database (a base backup of a
 * cluster of the test's own, streaming its WAL): answers state the replica's own position, and a caller's
 * `minPosition` is never answered by a read model older than it.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '@libs/database/embedded-postgres';
import { startStreamingReplica, StreamingReplica } from '@libs/database/streaming-replica';
import { comparePositions, parsePosition } from '@libs/event-store';
import { startTestApp, TestApp } from './support/test-app';

const DATABASE = 'family_ledger_test_replicated';
const withDatabase = (adminUrl: string) => Object.assign(new URL(adminUrl), { pathname: `/${DATABASE}` }).toString();

describe('indicators from a streaming read replica', () => {
  const dir = mkdtempSync(join(tmpdir(), 'family-ledger-replica-'));
  // Traversable: the clusters run as their own user when the tests run as root.
  chmodSync(dir, 0o711);
  let primary: EmbeddedPostgresHandle;
  let replica: StreamingReplica;
  let app: TestApp;

  const onReplica = async <T>(sql: string): Promise<T[]> => {
    const client = new Client({ connectionString: replica.adminUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    primary = await startEmbeddedPostgres({ dataDir: join(dir, 'primary'), persistent: false });
    const admin = new Client({ connectionString: primary.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    replica = await startStreamingReplica(primary.adminUrl, join(dir, 'primary'), join(dir, 'replica'));
    const database = { url: withDatabase(primary.adminUrl), name: DATABASE, drop: async () => undefined };
    const env = { READ_REPLICA_URL: withDatabase(replica.adminUrl), READ_REPLICA_MAX_WAIT_MS: '5000' };
    app = await startTestApp({ projector: true, database, env });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await replica?.stop();
    await primary?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const enrol = async () => {
    const body = { householdId: randomUUID(), villageCode: '640104001001', category: 'elderly', members: 2, head: { name: 'Ma Lan' } };
    return (await request(app.http).post('/households').send(body).expect(201)).body.position as string;
  };
  const enrolled = (query = '') => request(app.http).get(`/indicators/households-enrolled?ou=640100${query}`);
  const reflects = (response: request.Response) => parsePosition(response.body.reflects.position)!;

  it('is a standby in recovery, streaming from the primary', async () => {
    expect(await onReplica<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby')).toEqual([{ standby: true }]);
  });

  it("answers from the replica once it reflects the caller's write, with the replica's position", async () => {
    const position = await enrol();
    const answer = await enrolled(`&minPosition=${position}`).expect(200);
    expect(answer.headers['x-read-source']).toBe('replica');
    expect(comparePositions(reflects(answer), parsePosition(position)!)).toBeGreaterThanOrEqual(0);
  });

  it('answers from the primary when the replica lags behind minPosition, and from the stale replica without it', async () => {
    await onReplica('SELECT pg_wal_replay_pause()');
    try {
      const before = await enrolled().expect(200);
      const position = await enrol();
      const fresh = await enrolled(`&minPosition=${position}`).expect(200);
      expect(fresh.headers['x-read-source']).toBe('primary');
      expect(comparePositions(reflects(fresh), parsePosition(position)!)).toBeGreaterThanOrEqual(0);
      // Without minPosition the replica answers as it stands, and says how far that is.
      const stale = await enrolled().expect(200);
      expect(stale.headers['x-read-source']).toBe('replica');
      expect(stale.body.reflects).toEqual(before.body.reflects);
      const stalePosition = stale.body.reflects.position as string | null;
      expect(stalePosition === null || comparePositions(parsePosition(stalePosition)!, parsePosition(position)!) < 0).toBe(true);
    } finally {
      await onReplica('SELECT pg_wal_replay_resume()');
    }
  });

  it('refuses a position no read model reflects yet with 503 and Retry-After, and a malformed one with 400', async () => {
    const far = '9000000000000000000';
    const behind = await enrolled(`&minPosition=${far}`).expect(503);
    expect(behind.headers['retry-after']).toBe('1');
    expect(behind.body).toMatchObject({ code: 'read-model-behind' });
    expect((await enrolled('&minPosition=yesterday').expect(400)).body).toMatchObject({ code: 'invalid-parameter' });
  });
});
