/**
 * The API serves the built web app: cache headers, the SPA fallback, every API path left alone, and the
 * opening reads named in the page for a signed-in user only.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const INDEX =
  '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-3f9a1c.js"></script></head><body><div id="root"></div></body></html>';
/** As apps/web/vite.config.mts writes it (placeholders of apps/web/src/opening-reads.mts). */
const OPENING = {
  routes: [
    {
      path: '^/app/dashboard$',
      reads: ['/auth/session', '/indicators/enrolment-vs-target?ou=__ou__&pe=2012'],
      modules: ['/assets/DashboardPage-1a2b3c.js'],
    },
    { path: '^/app/cases/([^/]+)$', reads: ['/cases/__1__/history'], modules: [] },
  ],
};
const HTML = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'X-Test-Anonymous': '1' };

function fixtureBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'family-ledger-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-3f9a1c.js'), 'console.log("app")');
  writeFileSync(join(dir, 'assets', 'vendor-77e0b2.js'), `${'export const label = "幸福家庭";\n'.repeat(400)}`);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, '.source-hash'), 'abc');
  writeFileSync(join(dir, '.opening.json'), JSON.stringify(OPENING));
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

  describe('the opening reads named in the page', () => {
    const PASSWORD = 'a long enough password';
    const signIn = async (username: string, ou: string) => {
      await request(app.http)
        .post('/admin/users')
        .send({ username, password: PASSWORD, roles: ['analyst'], ou })
        .expect(201);
      const answer = await request(app.http).post('/auth/sessions').set('X-Test-Anonymous', '1').send({ username, password: PASSWORD });
      return ([] as string[])
        .concat(answer.headers['set-cookie'])
        .find((line) => line.startsWith('fl_session='))!
        .split(';')[0];
    };
    const links = (html: string) => html.match(/<link rel="(?:module)?preload"[^>]*>/g) ?? [];

    it("names the signed-in user's own org unit's tiles and the page's script, for that browser alone", async () => {
      const [xingqing, city] = [await signIn(`ou-${randomUUID()}`, '640104'), await signIn(`ou-${randomUUID()}`, '640100')];
      const page = await request(app.http)
        .get('/app/dashboard')
        .set({ ...HTML, Cookie: xingqing });
      expect([page.status, page.headers['cache-control'], page.headers.vary, page.headers['content-type']]).toEqual([
        200,
        'private, no-store',
        expect.stringContaining('Cookie'),
        expect.stringContaining('text/html'),
      ]);
      expect(links(page.text)).toEqual([
        '<link rel="preload" as="fetch" crossorigin href="/auth/session">',
        '<link rel="preload" as="fetch" crossorigin href="/indicators/enrolment-vs-target?ou=640104&pe=2012">',
        '<link rel="modulepreload" crossorigin href="/assets/DashboardPage-1a2b3c.js">',
      ]);
      // Before the app's script, and otherwise the page as built.
      expect(page.text.indexOf('<link rel="preload"')).toBeLessThan(page.text.indexOf('<script'));
      expect(page.text.replace(links(page.text).join(''), '')).toBe(INDEX);
      const other = await request(app.http)
        .get('/app/dashboard')
        .set({ ...HTML, Cookie: city });
      expect(links(other.text)).toContain(
        '<link rel="preload" as="fetch" crossorigin href="/indicators/enrolment-vs-target?ou=640100&pe=2012">',
      );
      expect(other.text).not.toContain('640104');
    });

    it('names nothing without a live session, nor at a route that opens without reads', async () => {
      const cookie = await signIn(`ou-${randomUUID()}`, '640104');
      const anonymous = await request(app.http).get('/app/dashboard').set(HTML);
      expect([anonymous.headers['cache-control'], anonymous.text]).toEqual(['no-cache', INDEX]);
      const forged = await request(app.http)
        .get('/app/dashboard')
        .set({ ...HTML, Cookie: 'fl_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
      expect(forged.text).toBe(INDEX);
      const elsewhere = await request(app.http)
        .get('/app/households')
        .set({ ...HTML, Cookie: cookie });
      expect(elsewhere.text).toBe(INDEX);
      await request(app.http).delete('/auth/session').set({ 'X-Test-Anonymous': '1', Cookie: cookie, 'X-CSRF-Token': 'x' });
    });

    it("names a case's history by its id from the address, escaped, and never markup from it", async () => {
      const cookie = await signIn(`ou-${randomUUID()}`, '640104');
      const caseId = randomUUID();
      const page = await request(app.http)
        .get(`/app/cases/${caseId}`)
        .set({ ...HTML, Cookie: cookie });
      expect(links(page.text)).toEqual([`<link rel="preload" as="fetch" crossorigin href="/cases/${caseId}/history">`]);
      const hostile = await request(app.http)
        .get('/app/cases/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E')
        .set({ ...HTML, Cookie: cookie });
      expect(hostile.text).not.toContain('<script>');
      expect(links(hostile.text)).toEqual([
        '<link rel="preload" as="fetch" crossorigin href="/cases/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E/history">',
      ]);
    });
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
