/**
 * Indicators read from a real PostgreSQL streaming replica of the service's database (a base backup of a
 * cluster of the test's own, streaming its WAL): answers state the replica's own position, and a caller's
 * `minPosition` is never answered by a read model older than it.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { comparePositions, parsePosition } from '@libs/event-store';
import { TestApp } from './support/test-app';
import { ReplicatedApp, startReplicatedApp } from './read-replica.support';

describe('indicators from a streaming read replica', () => {
  let replicated: ReplicatedApp;
  let app: TestApp;
  const onReplica = <T>(sql: string) => replicated.onReplica<T>(sql);

  beforeAll(async () => {
    replicated = await startReplicatedApp('family_ledger_test_replicated');
    app = replicated.app;
  }, 120_000);
  afterAll(async () => {
    await replicated?.close();
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
    await replicated.whilePaused(async () => {
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
    });
  });

  it('answers DHIS2 analytics from the replica too', async () => {
    const path = '/dhis2/analytics?dimension=dx:HF_HH_ENROLLED&dimension=pe:2012;2013;2014;2015&filter=ou:640100';
    const answer = await request(app.http).get(path).expect(200);
    expect(answer.headers['x-read-source']).toBe('replica');
    expect(answer.body.headers.map((h: { name: string }) => h.name)).toContain('dx');
  });

  it('refuses a position no read model reflects yet with 503 and Retry-After, and a malformed one with 400', async () => {
    const far = '9000000000000000000';
    const behind = await enrolled(`&minPosition=${far}`).expect(503);
    expect(behind.headers['retry-after']).toBe('1');
    expect(behind.body).toMatchObject({ code: 'read-model-behind' });
    expect((await enrolled('&minPosition=yesterday').expect(400)).body).toMatchObject({ code: 'invalid-parameter' });
  });
});
