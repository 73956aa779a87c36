/** The API serves the built web app: cache headers, the SPA fallback, and every API path left alone. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const INDEX =
  '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-3f9a1c.js"></script></head><body><div id="root"></div></body></html>';
const HTML = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'X-Test-Anonymous': '1' };

function fixtureBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'family-ledger-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-3f9a1c.js'), 'console.log("app")');
  writeFileSync(join(dir, 'assets', 'vendor-77e0b2.js'), `${'export const label = "幸福家庭";\n'.repeat(400)}`);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '.source-hash'), 'abc');
  return dir;
}

async function withWebDir<T>(dir: string, start: () => Promise<T>): Promise<T> {
  process.env.WEB_DIST_DIR = dir;
  try {
    return await start();
  } finally {
    delete process.env.WEB_DIST_DIR;
  }
}

describe('the web app served by the API', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await withWebDir(fixtureBuild(), () => startTestApp());
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers index.html at / and at client routes, revalidated every time', async () => {
    for (const path of ['/', '/app/households/640104001001', '/app/cases/abc?tab=history']) {
      const answer = await request(app.http).get(path).set(HTML);
      expect([path, answer.status, answer.headers['cache-control'], answer.headers['content-type'], answer.text]).toEqual([
        path,
        200,
        'no-cache',
        expect.stringContaining('text/html'),
        INDEX,
      ]);
    }
  });

  it("compresses the app's files for a client that accepts it, and sends them whole to one that does not", async () => {
    const gzipped = await request(app.http).get('/assets/vendor-77e0b2.js').set('Accept-Encoding', 'gzip');
    expect([gzipped.status, gzipped.headers['content-encoding'], gzipped.headers['cache-control']]).toEqual([
      200,
      'gzip',
      'public, max-age=31536000, immutable',
    ]);
    expect(gzipped.text).toContain('幸福家庭');
    const plain = await request(app.http).get('/assets/vendor-77e0b2.js').set('Accept-Encoding', 'identity');
    expect([plain.status, plain.headers['content-encoding'], plain.text.length]).toEqual([200, undefined, gzipped.text.length]);
  });

  it('serves hashed assets as immutable for a year, and a missing one as 404, not the page', async () => {
    const asset = await request(app.http).get('/assets/index-3f9a1c.js');
    expect([asset.status, asset.headers['cache-control'], asset.headers['content-type']]).toEqual([
      200,
      'public, max-age=31536000, immutable',
      expect.stringContaining('javascript'),
    ]);
    const missing = await request(app.http).get('/assets/index-000000.js').set(HTML);
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<div id="root">');
    const other = await request(app.http).get('/favicon.svg');
    expect([other.status, other.headers['cache-control']]).toEqual([200, 'no-cache']);
    expect((await request(app.http).get('/.source-hash').set(HTML)).text).not.toBe('abc');
  });

  it('leaves every API path to the API, even for a browser asking for HTML', async () => {
    const household = await request(app.http).get(`/households/${randomUUID()}`).set(HTML);
    expect([household.status, household.headers['content-type']]).toEqual([401, expect.stringContaining('application/problem+json')]);
    const health = await request(app.http).get('/health').set(HTML);
    expect(health.headers['content-type']).toContain('application/json');
    const docs = await request(app.http).get('/openapi.json').set(HTML);
    expect(docs.body.openapi).toBeDefined();
  });

  it('answers no page to a request that does not ask for HTML, or that is not a GET', async () => {
    const json = await request(app.http).get('/app/households').set({ Accept: 'application/json', 'X-Test-Anonymous': '1' });
    expect(json.status).toBe(404);
    const post = await request(app.http).post('/app/households').set(HTML).send({});
    expect(post.status).toBe(404);
  });

  it('runs the API alone when there is no build', async () => {
    const bare = await withWebDir(mkdtempSync(join(tmpdir(), 'family-ledger-no-web-')), () => startTestApp());
    try {
      expect((await request(bare.http).get('/').set(HTML)).status).toBe(404);
      expect((await request(bare.http).get('/health')).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
