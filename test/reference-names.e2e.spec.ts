/** Chinese and English names of org units and of the other reference data, over HTTP. */
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { eventually, startTestApp, TestApp } from './support/test-app';

describe('reference data names', () => {
  let app: TestApp;
  let analyst: string;

  beforeAll(async () => {
    app = await startTestApp({ projector: true });
    analyst = `Bearer ${await app.token('analyst', { ou: '640105' })}`;
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds 兴庆区 by "Xingqing" and by "兴庆", with both names', async () => {
    const byPinyin = await request(app.http).get('/org-units').query({ q: 'Xingqing' }).set('Authorization', analyst);
    const byHanzi = await request(app.http).get('/org-units').query({ q: '兴庆' }).set('Authorization', analyst);
    const xingqing = { code: '640104', level: 'district', parent: '640100', name: { 'zh-CN': '兴庆区', en: 'Xingqing District' } };
    expect(byPinyin.status).toBe(200);
    expect(byPinyin.body.items).toContainEqual(xingqing);
    expect(byHanzi.body).toEqual({ items: [xingqing] });
  });

  it('answers the whole tree without q, parents before children, and a label in the language asked for', async () => {
    const tree = await request(app.http).get('/org-units').query({ lang: 'zh-CN' }).set('Authorization', analyst);
    const codes: string[] = tree.body.items.map((unit: { code: string }) => unit.code);
    expect(codes[0]).toBe('640100');
    expect(tree.body.items.filter((unit: { level: string }) => unit.level === 'village')).toHaveLength(386);
    for (const [index, unit] of (tree.body.items as { parent: string | null }[]).entries()) {
      if (unit.parent !== null) expect(codes.indexOf(unit.parent)).toBeLessThan(index);
    }
    expect(tree.body.items[0]).toEqual({
      code: '640100',
      level: 'city',
      parent: null,
      name: { 'zh-CN': '银川市', en: 'Yinchuan' },
      label: '银川市',
    });
  });

  it('lists categories, focus areas, departments, service types, need kinds and loan programmes by name', async () => {
    const answer = await request(app.http).get('/reference-data').query({ lang: 'en' }).set('Authorization', analyst);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(
      expect.arrayContaining(['categories', 'focusAreas', 'departments', 'serviceTypes', 'needKinds', 'loanPrograms']),
    );
    expect(answer.body.categories[0]).toEqual({
      code: 'developing',
      name: { 'zh-CN': '发展型家庭', en: 'Developing family' },
      label: 'Developing family',
    });
    expect(answer.body.loanPrograms[0]).toMatchObject({
      code: 'womens-micro-loan',
      name: { 'zh-CN': '妇女创业小额担保贷款' },
      principalCapFen: 8000000,
    });
  });

  it("answers the programme's calendar (the default Beijing time) at GET /calendar, to anyone", async () => {
    const answer = await request(app.http).get('/calendar').set('X-Test-Anonymous', '1');
    expect([answer.status, answer.body]).toEqual([200, { timeZone: 'Asia/Shanghai' }]);
  });

  it('refuses an unknown language by naming the parameter, and a caller without a token or session', async () => {
    const bad = await request(app.http).get('/org-units').query({ lang: 'fr' }).set('Authorization', analyst);
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'lang']);
    const anonymous = await request(app.http).get('/reference-data').set('X-Test-Anonymous', '1');
    expect(anonymous.status).toBe(401);
  });

  it('names the org unit and dimension codes of indicator rows when lang is given', async () => {
    const household = { householdId: randomUUID(), villageCode: '640105001001', category: 'elderly', members: 2, head: { name: 'Ma Lan' } };
    expect((await request(app.http).post('/households').send(household)).status).toBe(201);
    const answer = await eventually(async () => {
      const got = await request(app.http)
        .get('/indicators/households-enrolled')
        .query({ ou: '640105', by: 'category', lang: 'zh-CN' })
        .set('Authorization', analyst);
      expect(got.body.rows?.length).toBeGreaterThan(0);
      return got;
    });
    expect(answer.body.rows[0]).toMatchObject({
      orgUnit: '640105',
      category: 'elderly',
      names: { orgUnit: '西夏区', category: '老年型家庭' },
    });
    const plain = await request(app.http)
      .get('/indicators/households-enrolled')
      .query({ ou: '640105', by: 'category' })
      .set('Authorization', analyst);
    expect(plain.body.rows[0].names).toBeUndefined();
    const bad = await request(app.http)
      .get('/indicators/households-enrolled')
      .query({ ou: '640105', lang: 'xx' })
      .set('Authorization', analyst);
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid-parameter']);
  });
});
