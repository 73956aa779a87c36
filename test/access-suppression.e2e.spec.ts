/** Published indicator cells of fewer than 5 households are withheld from analysts (JSON and CSV), not from auditors. */
import request from 'supertest';
import { baseUrl, createFixtures, VILLAGE } from './support/access-fixtures';
import { eventually, startTestApp, TestApp } from './support/test-app';

describe('small-cell suppression of indicators', () => {
  let app: TestApp;
  const path = `/indicators/needs-met-rate?ou=${VILLAGE}&level=village`;

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    await createFixtures(app, await baseUrl(app), { head: 'Small Cell', need: 'a need' });
    await eventually(async () => expect((await request(app.http).get(path).expect(200)).body.rows).toHaveLength(1));
  });
  afterAll(async () => {
    await app.close();
  });

  const as = async (role: 'analyst' | 'auditor', accept = 'application/json') =>
    request(app.http)
      .get(path)
      .set('Authorization', `Bearer ${await app.token(role, { ou: '640104' })}`)
      .set('Accept', accept)
      .expect(200);

  it('withholds and marks a cell of one household for an analyst', async () => {
    const { body } = await as('analyst');
    expect(body.rows[0]).toMatchObject({ orgUnit: VILLAGE, numerator: null, denominator: 1, value: null, suppressed: true });
  });

  it('shows the same cell to an auditor', async () => {
    const { body } = await as('auditor');
    expect(body.rows[0]).toMatchObject({ orgUnit: VILLAGE, numerator: 0, denominator: 1, value: 0 });
    expect(body.rows[0].suppressed).toBeUndefined();
  });

  it('withholds it from the CSV answer too', async () => {
    const analyst = (await as('analyst', 'text/csv')).text;
    const auditor = (await as('auditor', 'text/csv')).text;
    expect(analyst).not.toEqual(auditor);
  });
});
