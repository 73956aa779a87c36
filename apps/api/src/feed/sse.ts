/**
 * The Server-Sent Events wire format (WHATWG HTML, "server-sent events"), both ways: the feed writes
 * messages with `formatSseEvent`, and clients without an EventSource (tests, the bench) read them with
 * `SseParser`. Data is one line of JSON, so no message needs more than one `data:` line.
 */
import { PublicEvent } from '@libs/redaction';

export function formatSseEvent(event: PublicEvent): string {
  return formatSseMessage(event.position, event.type, JSON.stringify(event));
}

/** The message of an event whose JSON (one line) is already written, e.g. by publicEventJson. */
export function formatSseMessage(position: string, type: string, json: string): string {
  return `id: ${position}\nevent: ${type}\ndata: ${json}\n\n`;
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
    const lineEnd = /\r\n|\r|\n/g;
    let start = 0;
    let match: RegExpExecArray | null;
    // One pass over the buffer, cut once at the end: slicing it per line would be quadratic in the chunk size.
    while ((match = lineEnd.exec(this.buffer)) !== null) {
      if (match[0] === '\r' && match.index === this.buffer.length - 1) break; // may be half of a CRLF
      this.line(this.buffer.slice(start, match.index));
      start = match.index + match[0].length;
    }
    this.buffer = this.buffer.slice(start);
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
