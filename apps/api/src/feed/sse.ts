/**
 * The Server-Sent Events wire format (WHATWG HTML, "server-sent events"), both ways: the feed writes
 * messages with `formatSseEvent`, and clients without an EventSource (tests, the bench) read them with
 * `SseParser`. Data is one line of JSON, so no message needs more than one `data:` line.
 */
import { PublicEvent } from '@libs/redaction';

export function formatSseEvent(event: PublicEvent): string {
  return `id: ${event.position}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

export const SSE_HEARTBEAT = ': heartbeat\n\n';

export function formatSseRetry(ms: number): string {
  return `retry: ${ms}\n\n`;
}

export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

export interface SseHandlers {
  message?(message: SseMessage): void;
  comment?(text: string): void;
  retry?(ms: number): void;
}

/** Incremental parser: feed it chunks as they arrive; it calls back per complete message. */
export class SseParser {
  private buffer = '';
  private id?: string;
  private event = '';
  private data: string[] = [];
  /** The last event id seen, as an EventSource keeps it for `Last-Event-ID`. */
  lastEventId?: string;

  constructor(private readonly handlers: SseHandlers) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      if (end === this.buffer.length - 1 && this.buffer.endsWith('\r')) break; // may be half of a CRLF
      const line = this.buffer.slice(0, end);
      const newline = this.buffer.startsWith('\r\n', end) ? 2 : 1;
      this.buffer = this.buffer.slice(end + newline);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return this.handlers.comment?.(line.slice(1).trim());
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') this.id = value;
    else if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) this.handlers.retry?.(Number(value));
  }

  private dispatch(): void {
    if (this.id !== undefined) this.lastEventId = this.id;
    if (this.data.length > 0) this.handlers.message?.({ id: this.id, event: this.event || 'message', data: this.data.join('\n') });
    this.id = undefined;
    this.event = '';
    this.data = [];
  }
}
