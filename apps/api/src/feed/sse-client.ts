/**
 * A minimal SSE client over node:http for the feed's tests and bench (Node has no EventSource). It does
 * not reconnect by itself: callers decide when, and resume with `lastEventId`, as the tests need to.
 */
import { get, IncomingMessage } from 'node:http';
import { SseHandlers, SseParser } from './sse';

export interface SseConnection {
  response: IncomingMessage;
  parser: SseParser;
  /** Settles when the stream ends: 'ended' by the server, 'closed' by `close()`, 'error' on a broken socket. */
  done: Promise<'ended' | 'closed' | 'error'>;
  close(): void;
}

/** Resolves once the stream is open (status 200); rejects with the status and body of any other answer. */
export function openSse(
  url: string,
  handlers: SseHandlers,
  lastEventId?: string,
  headers: Record<string, string> = {},
): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    let closing = false;
    const request = get(
      url,
      { headers: { Accept: 'text/event-stream', ...headers, ...(lastEventId && { 'Last-Event-ID': lastEventId }) } },
      (response) => {
        if (response.statusCode !== 200) {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => reject(new Error(`SSE ${url} answered ${response.statusCode}: ${body.slice(0, 200)}`)));
          return;
        }
        const parser = new SseParser(handlers);
        response.setEncoding('utf8');
        const done = new Promise<'ended' | 'closed' | 'error'>((settle) => {
          response.on('data', (chunk: string) => parser.push(chunk));
          response.on('end', () => settle(closing ? 'closed' : 'ended'));
          response.on('error', () => settle(closing ? 'closed' : 'error'));
          response.on('close', () => settle(closing ? 'closed' : 'error'));
        });
        resolve({ response, parser, done, close: () => ((closing = true), request.destroy()) });
      },
    );
    request.on('error', (error) => (closing ? undefined : reject(error)));
  });
}
