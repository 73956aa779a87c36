/**
 * The operators' endpoints over HTTP: status, version, checkpoint, lag and parked events of every
 * projection; a poison event parked while the projection goes on, and replayed on request.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually, projectionsCaughtUp, startTestApp, TestApp } from './support/test-app';
import { categoryCountsReadModel } from '@projections/category-counts/category-counts.tables';

const event = (type: string, data: Record<string, unknown>) => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actor: 'test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2012-03-01T02:00:00.000Z' },
});

describe('projection administration', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ projector: true });
  });
  afterAll(async () => {
    await app.close();
  });

  const status = async (name: string) => {
    const { body } = await request(app.http).get('/admin/projections').expect(200);
    return body.projections.find((p: { name: string }) => p.name === name);
  };

  it('lists every projection with its status, version, copy, checkpoint and lag', async () => {
    const householdId = randomUUID();
    await app.runtime.eventStore.appendToStream(`household-${householdId}`, [
      event('HouseholdEnrolled', {
        householdId,
        villageCode: '640104001001',
        category: 'stable',
        members: 2,
        head: { name: 'Ma Lan' },
        enrolmentYear: 2012,
        batch: 1,
      }),
    ]);
    const entry = await eventually(async () => {
      const found = await status('category-counts');
      expect(found.checkpoint).toMatch(/^\d+$/);
      expect(found.lag).toEqual({ events: 0, seconds: 0 });
      return found;
    });
    const { version } = categoryCountsReadModel;
    expect(entry).toMatchObject({
      status: 'running',
      version,
      activeVersion: version,
      copy: expect.stringMatching(new RegExp(`^rm_category_counts_v${version}_g\\d+$`)),
      eventsApplied: 1,
      rebuild: null,
      parked: [],
    });
    expect(entry.checkpointRecordedAt).toEqual(expect.any(String));
  });

  it('parks a poison event with its error and position, goes on, and replays it once the cause is fixed', async () => {
    const [orphan, other, needId] = [randomUUID(), randomUUID(), randomUUID()];
    // A need of a household the read model has not seen enrolled cannot be counted: it is poison for needs-status.
    await app.runtime.eventStore.appendToStream(`household-${orphan}`, [
      event('NeedRecorded', { householdId: orphan, needId, focusArea: 'health', kind: 'care', description: 'x' }),
    ]);
    await app.runtime.eventStore.appendToStream(`household-${other}`, [
      event('HouseholdEnrolled', {
        householdId: other,
        villageCode: '640104001001',
        category: 'stable',
        members: 2,
        head: { name: 'Li Wei' },
        enrolmentYear: 2012,
        batch: 1,
      }),
      event('NeedRecorded', { householdId: other, needId: randomUUID(), focusArea: 'health', kind: 'care', description: 'y' }),
    ]);
    const parked = await eventually(async () => {
      const found = await status('needs-status');
      expect(found.parked).toHaveLength(1);
      expect(found.lag.events).toBe(0);
      return found.parked[0];
    });
    expect(parked).toMatchObject({
      eventType: 'NeedRecorded',
      stream: `household-${orphan}`,
      position: expect.stringMatching(/^\d+$/),
      attempts: 3,
    });
    expect(parked.error).toContain('no HouseholdEnrolled');
    const needs = await request(app.http).get('/indicators/needs-recorded?ou=640104001001').expect(200);
    expect(needs.body.rows).toEqual([expect.objectContaining({ numerator: 1 })]);

    const stillPoison = await request(app.http).post('/admin/projections/needs-status/retry').expect(200);
    expect(stillPoison.body).toEqual({ projection: 'needs-status', retried: 1, resolved: 0, stillParked: 1 });

    // The cause fixed: the household's enrolment arrives (late), then the parked need is replayed.
    await app.runtime.eventStore.appendToStream(`household-${orphan}-late`, [
      event('HouseholdEnrolled', {
        householdId: orphan,
        villageCode: '640104001001',
        category: 'stable',
        members: 2,
        head: { name: 'Wang Fang' },
        enrolmentYear: 2012,
        batch: 1,
      }),
    ]);
    await eventually(async () => expect((await status('needs-status')).lag.events).toBe(0));
    await projectionsCaughtUp(app, ['needs-status']); // the lag can err low by a commit for a moment
    const fixed = await request(app.http).post('/admin/projections/needs-status/retry').expect(200);
    expect(fixed.body).toEqual({ projection: 'needs-status', retried: 1, resolved: 1, stillParked: 0 });
    expect((await status('needs-status')).parked).toEqual([]);
    const after = await request(app.http).get('/indicators/needs-recorded?ou=640104001001').expect(200);
    expect(after.body.rows).toEqual([expect.objectContaining({ numerator: 2 })]);
  });

  it('answers 404 for retrying an unknown projection', async () => {
    const response = await request(app.http).post('/admin/projections/nonsense/retry').expect(404);
    expect(response.body).toMatchObject({ code: 'unknown-projection' });
    expect(response.body.detail).toContain('nonsense');
  });
});
