/**
 * Read-your-writes across read models: a client that wrote an event of a type some indicator's read model
 * does not handle, and waits for `reflects.position` to reach its write, must not wait for ever. The
 * category counts handle household events only; a loan written after them must still be reflected.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { parsePosition } from '@libs/event-store';
import { eventually, startTestApp, TestApp } from './support/test-app';

describe('read-your-writes over events a read model skips', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ projector: true });
  });
  afterAll(() => app.close());

  it('lets households-enrolled reflect a loan written after the last household event', async () => {
    const householdId = randomUUID();
    await request(app.http)
      .post('/households')
      .send({
        householdId,
        villageCode: '640104001001',
        category: 'developing',
        members: 3,
        head: { name: 'Na Ying', phone: '13900000001' },
      })
      .expect(201);
    const loan = await request(app.http)
      .post('/loans')
      .send({
        loanId: randomUUID(),
        householdId,
        borrowerGroup: 'woman',
        programmeCode: 'womens-micro-loan',
        principalFen: 1_000_000,
        interestSubsidyBps: 600,
        termMonths: 12,
        lender: 'Yinchuan Rural Credit Cooperative',
      })
      .expect(201);
    const written = parsePosition(loan.body.position)!;
    await eventually(async () => {
      const { body } = await request(app.http).get('/indicators/households-enrolled?ou=640104').expect(200);
      const reflected = body.reflects.position === null ? undefined : parsePosition(body.reflects.position);
      if (!reflected || reflected.commit < written.commit)
        throw new Error(`reflects ${body.reflects.position}, wrote at ${loan.body.position}`);
    }, 15_000);
  });
});
