import { formatSseEvent, formatSseRetry, SSE_HEARTBEAT, SseMessage, SseParser } from './sse';

const publicEvent = {
  id: 'e-1',
  stream: 'loan-1',
  revision: '0',
  position: '1048576',
  type: 'LoanGranted',
  data: { note: 'line one\nline two' },
  metadata: { actor: 'a', correlationId: 'c', causationId: 'k', occurredAt: 't', recordedAt: 't' },
  recordedAt: 't',
};

describe('the SSE wire format', () => {
  it('reads back what the feed writes, whatever the chunking', () => {
    const wire = SSE_HEARTBEAT + formatSseEvent(publicEvent) + formatSseRetry(250) + formatSseEvent({ ...publicEvent, position: '2/1' });
    for (const size of [1, 3, 7, wire.length]) {
      const messages: SseMessage[] = [];
      const comments: string[] = [];
      const retries: number[] = [];
      const parser = new SseParser({ message: (m) => messages.push(m), comment: (c) => comments.push(c), retry: (r) => retries.push(r) });
      for (let i = 0; i < wire.length; i += size) parser.push(wire.slice(i, i + size));
      expect(messages).toEqual([
        { id: '1048576', event: 'LoanGranted', data: JSON.stringify(publicEvent) },
        { id: '2/1', event: 'LoanGranted', data: JSON.stringify({ ...publicEvent, position: '2/1' }) },
      ]);
      expect(comments).toEqual(['heartbeat']);
      expect(retries).toEqual([250]);
      expect(parser.lastEventId).toBe('2/1');
    }
  });

  it('drops a message cut off before its blank line, so a resume starts after the last whole one', () => {
    const messages: SseMessage[] = [];
    const parser = new SseParser({ message: (m) => messages.push(m) });
    parser.push(formatSseEvent(publicEvent) + formatSseEvent({ ...publicEvent, position: '9' }).slice(0, -1));
    expect(messages.map((m) => m.id)).toEqual(['1048576']);
    expect(parser.lastEventId).toBe('1048576');
  });

  it('accepts CRLF and CR line ends, even split between chunks', () => {
    const messages: SseMessage[] = [];
    const parser = new SseParser({ message: (m) => messages.push(m) });
    ['id: 1\r', '\nevent: A\r\ndata: x\r', '\n\r', '\nid: 2\rdata: y\r\r\n'].forEach((chunk) => parser.push(chunk));
    expect(messages).toEqual([
      { id: '1', event: 'A', data: 'x' },
      { id: '2', event: 'message', data: 'y' },
    ]);
  });

  it('reads a stream that turns to CR line ends after LF ones, and values with or without the space after the colon', () => {
    const messages: SseMessage[] = [];
    const parser = new SseParser({ message: (m) => messages.push(m) });
    ['id: 1\ndata:x\n', '\nid:2\r\ndata:  y\r\n\r\n', 'data: z\n\n'].forEach((chunk) => parser.push(chunk));
    expect(messages).toEqual([
      { id: '1', event: 'message', data: 'x' },
      { id: '2', event: 'message', data: ' y' },
      { id: undefined, event: 'message', data: 'z' },
    ]);
  });
});
