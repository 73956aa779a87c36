/**
 * The web app's typed client is generated from the API's OpenAPI document (openapi-typescript): this
 * fails when apps/web/src/api/schema.d.ts no longer matches what the running app documents. To refresh
 * it: `WEB_API_TYPES=write npx jest test/web/api-types.e2e.spec.ts`, or `npm run web:api-types -- <url>`
 * against a running service.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

const { typesOf, target } = require('../../scripts/web/api-types.js') as { typesOf(document: object): string; target: string };

describe("the web app's generated API types", () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('match the OpenAPI document the running app serves', async () => {
    const { body } = await request(app.http).get('/openapi.json').expect(200);
    const generated = typesOf(body);
    if (process.env.WEB_API_TYPES === 'write') writeFileSync(target, generated);
    expect(readFileSync(target, 'utf8')).toBe(generated);
  });
});
