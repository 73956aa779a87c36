/**
 * Serves the built web app (dist/web, from apps/web) beside the API without taking any API path:
 * hashed files under /assets are immutable for a year; index.html and the other files are revalidated
 * every time (no-cache), so a new build is seen at once; a GET that asks for HTML at a path that is not
 * the API's gets index.html, so the app's client-side routes (/app/...) load on a refresh. The app's files
 * are compressed for clients that accept it (a first visit over a slow link downloads a quarter of the
 * bytes); the API's answers are not touched here (the feed streams, and must not wait for a buffer).
 * At an opening route a signed-in user's page comes rendered with its first figures (the dashboard:
 * web-app-render.ts), or names what its first render reads (a case: web-app-opening.ts): either way that
 * page is private to the browser's session.
 */
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import express, { NextFunction, Request, Response } from 'express';
import { Sessions } from '@libs/accounts';
import { readEnv } from '@libs/config';
import { registeredRoutes } from '../auth/routes';
import { sessionIdOf } from '../accounts/session-cookie';
import { builtFile } from './built-file';
import { Opening, openingLinks, openingOf, openingRoutes, withLinks } from './web-app-opening';
import { loadRenderer, sendRendered } from './web-app-render';

const YEAR_SECONDS = 365 * 86_400;

/** Where the build is: WEB_DIST_DIR, else dist/web under the working directory (where npm start runs). */
export function webAppDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(readEnv(env).WEB_DIST_DIR ?? join(process.cwd(), 'dist', 'web'));
}

function firstSegment(path: string): string {
  return path.split('/')[1] ?? '';
}

/** Mounts the app when a build is there; false (and the API alone) when it is not. */
export function serveWebApp(app: NestExpressApplication, dir: string = webAppDir()): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  // The API's first path segments, read once its routes are registered (after app.init()).
  let apiSegments: Set<string> | undefined;
  const isApiPath = (path: string) => {
    apiSegments ??= new Set(
      registeredRoutes(app)
        .map((route) => firstSegment(route.path))
        .filter((segment) => segment !== ''),
    );
    return apiSegments.has(firstSegment(path));
  };
  const assets = join(dir, 'assets') + sep;
  const files = express.static(dir, {
    index: false,
    cacheControl: false,
    setHeaders: (response, file) =>
      response.setHeader('Cache-Control', file.startsWith(assets) ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache'),
  });
  const compress = compression();
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path)) return next();
    compress(request, response, () => serve(request, response, next));
  });
  const serve = (request: Request, response: Response, next: NextFunction) =>
    files(request, response, () => {
      // A missing hashed file is a 404, never the page: a stale page must not get HTML for its script.
      if (request.path.startsWith('/assets/')) return next();
      // The root is the app whatever the client accepts (`curl localhost:3000/` shows the page too).
      if (request.path !== '/' && !(request.headers.accept ?? '').includes('text/html')) return next();
      // Only a head start: if the session cannot be looked up, the page is served as built.
      openingFor(request)
        .catch(() => undefined)
        .then(async (opening) => {
          if (opening === undefined) {
            response.setHeader('Cache-Control', 'no-cache');
            return response.sendFile(index, { cacheControl: false }, (error) => error && next(error));
          }
          // The user's own page (their reads; rendered, their answers): never kept, nor shared by a cache.
          response.setHeader('Cache-Control', 'private, no-store');
          response.setHeader('Vary', 'Cookie');
          const html = await page();
          if (renderer?.renders(request.path)) return sendRendered(renderer, request, response, html, opening);
          response.type('html').send(withLinks(html, openingLinks(opening)));
        })
        .catch(next);
    });
  const renderer = loadRenderer(dir);
  const page = builtFile(index);
  const openingList = builtFile(join(dir, '.opening.json'));
  /** What the session's user's page at an opening route reads and loads first; undefined for anyone else. */
  const openingFor = async (request: Request): Promise<Opening | undefined> => {
    const routes = await openingRoutes(openingList);
    if (!routes.some((route) => new RegExp(route.path).test(request.path))) return undefined;
    const id = sessionIdOf(request);
    const session = id === undefined ? undefined : await app.get(Sessions).find(id);
    return session && openingOf(routes, request.path, session.user.ou);
  };
  return true;
}
