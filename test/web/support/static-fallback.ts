/**
 * Until the API serves dist/web itself (web-backend's part of the web contract), the browser tests put the
 * built app in front of it the same way: /assets/* as files, any other HTML GET off the API's paths as
 * index.html. Used only when the running app does not already answer `GET /app/` with HTML.
 */
import { existsSync, readFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export function serveBuiltApp(server: Server, dist: string): void {
  const listeners = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const asset = path.startsWith('/assets/') ? join(dist, normalize(path).replace(/^[/\\]+/, '')) : undefined;
    const page = request.method === 'GET' && (path === '/' || path.startsWith('/app'));
    if (asset && asset.startsWith(dist) && existsSync(asset)) {
      response.writeHead(200, { 'content-type': TYPES[extname(asset)] ?? 'application/octet-stream' }).end(readFileSync(asset));
    } else if (page) {
      response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' }).end(readFileSync(join(dist, 'index.html')));
    } else for (const listener of listeners) listener(request, response);
  });
}
