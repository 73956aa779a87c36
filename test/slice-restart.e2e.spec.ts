/** Restarting the service (and its projector) resumes from the checkpoint without double counting. */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually, startTestApp, TestApp } from './support/test-app';

const enrol = (app: TestApp, category: string) =>
  request(app.http)
    .post('/households')
    .send({ householdId: randomUUID(), villageCode: '640105002001', category, members: 2, head: { name: 'Na Ying' }, enrolmentYear: 2012 })
    .expect(201);

const counts = async (app: TestApp) => {
  const response = await request(app.http).get('/indicators/households-enrolled?by=category').expect(200);
  return Object.fromEntries(response.body.rows.map((r: { category: string; numerator: number }) => [r.category, r.numerator]));
};

describe('restarting the service', () => {
  it('resumes the projection from its checkpoint and counts every household once', async () => {
    const first = await startTestApp({ projector: true });
    await enrol(first, 'stable');
    await enrol(first, 'stable');
    await enrol(first, 'elderly');
    await eventually(async () => expect(await counts(first)).toEqual({ elderly: 1, stable: 2 }));
    await first.close({ keepDatabase: true });

    // Written while no projector runs: picked up after the restart, and nothing counted twice.
    const writerOnly = await startTestApp({ database: first.database });
    await enrol(writerOnly, 'new-urban');
    await enrol(writerOnly, 'stable');
    expect(await counts(writerOnly)).toEqual({ elderly: 1, stable: 2 });
    await writerOnly.close({ keepDatabase: true });

    const second = await startTestApp({ projector: true, database: first.database });
    try {
      await eventually(async () => expect(await counts(second)).toEqual({ elderly: 1, 'new-urban': 1, stable: 3 }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await counts(second)).toEqual({ elderly: 1, 'new-urban': 1, stable: 3 });
    } finally {
      await second.close();
    }
  });
});
