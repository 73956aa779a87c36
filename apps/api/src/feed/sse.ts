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

const COLON = 0x3a;
const SPACE = 0x20;

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
  /** Whether the stream has used CR in a line ending: from then on every buffer is cut the slow way. */
  private sawCarriageReturn = false;
  /** The last event id seen, as an EventSource keeps it for `Last-Event-ID`. */
  lastEventId?: string;

  constructor(private readonly handlers: SseHandlers) {}

  push(chunk: string): void {
    this.buffer += chunk;
    this.sawCarriageReturn ||= chunk.includes('\r');
    const start = this.sawCarriageReturn ? this.linesEndingAnyhow() : this.linesEndingInNewline();
    this.buffer = this.buffer.slice(start);
  }

  /**
   * The lines of a buffer holding no CR (all this service sends), cut at each LF by indexOf: a regular
   * expression per line showed in the catch-up consumer's profile (bench/feed-profile.ts). Returns where the
   * unfinished line starts.
   */
  private linesEndingInNewline(): number {
    let start = 0;
    // One pass over the buffer, cut once at the end: slicing it per line would be quadratic in the chunk size.
    for (let end = this.buffer.indexOf('\n'); end >= 0; end = this.buffer.indexOf('\n', start)) {
      this.line(this.buffer.slice(start, end));
      start = end + 1;
    }
    return start;
  }

  /** The lines of a buffer that may end in CRLF, CR or LF, as the format allows any of them. */
  private linesEndingAnyhow(): number {
    const lineEnd = /\r\n|\r|\n/g;
    let start = 0;
    let match: RegExpExecArray | null;
    while ((match = lineEnd.exec(this.buffer)) !== null) {
      if (match[0] === '\r' && match.index === this.buffer.length - 1) break; // may be half of a CRLF
      this.line(this.buffer.slice(start, match.index));
      start = match.index + match[0].length;
    }
    return start;
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.charCodeAt(0) === COLON) return this.handlers.comment?.(line.slice(1).trim());
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    // The value starts after the colon and one space, if there is one.
    const value = colon < 0 ? '' : line.slice(line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1);
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
