/**
 * One autocannon load against the service: `request` is asked for each request sent, so a load can rotate
 * over households or ids; every request carries the bench's token. Used by the http and replica sections.
 */
import autocannon from 'autocannon';

export type LoadRequest = { method: 'GET' | 'POST'; path: string; body?: string };

export function httpLoad(
  url: string,
  authorization: string,
  request: () => LoadRequest,
  options: { connections: number; durationSeconds: number },
): Promise<autocannon.Result> {
  const first = request();
  return autocannon({
    url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: { authorization, 'content-type': 'application/json' },
    requests: [
      {
        method: first.method,
        setupRequest: (req) => {
          const next = request();
          return { ...req, method: next.method, path: next.path, body: next.body };
        },
      },
    ],
  });
}
