/**
 * A resident ID number is taken only when its check character fits its 17 digits (GB 11643): a digit mistyped
 * in the field is refused at the door, naming the field and its rule but never the number, and appends nothing.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { logLength, startTestApp, TestApp } from './support/test-app';

const VALID_ID = '640104198001010013';
const MISTYPED = '640104198001010113'; // one digit changed: the check character no longer fits

const enrolment = (idNumber: string) => ({
  householdId: randomUUID(),
  villageCode: '640104001001',
  category: 'developing',
  members: 4,
  head: { name: 'Ma Lan', idNumber },
  enrolmentYear: 2012,
});

describe('a resident ID number on enrolment', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('is taken when its check character fits, including an X', async () => {
    await request(app.http).post('/households').send(enrolment(VALID_ID)).expect(201);
    await request(app.http).post('/households').send(enrolment('11010519491231002X')).expect(201);
  });

  it.each([
    ['one digit mistyped', MISTYPED],
    ['two digits swapped', '640104198010010013'],
    ['a digit where the X belongs', '110105194912310021'],
  ])('is refused with 400 naming head.idNumber when %s, and nothing is appended', async (_case, idNumber) => {
    const before = await logLength(app);
    const response = await request(app.http).post('/households').send(enrolment(idNumber)).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, code: 'invalid-request' });
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'head.idNumber', rule: 'isResidentIdNumber' }));
    expect(JSON.stringify(response.body)).not.toContain(idNumber);
    expect(await logLength(app)).toBe(before);
  });
});
