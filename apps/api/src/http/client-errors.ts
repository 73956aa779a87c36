/**
 * Requests Node's HTTP parser refuses before Express sees them (a request line or headers beyond
 * `maxHeaderSize`, malformed framing) get a problem+json answer instead of Node's bare status line.
 * A URL too long for the parser is 414, other header overflows 431, anything else malformed 400.
 */
import { Server } from 'node:http';
import { Socket } from 'node:net';
import { problem } from './problem';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
};

export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, detail] = classify(error);
    const body = JSON.stringify(problem(status, code, detail));
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}

function classify(error: NodeJS.ErrnoException & { rawPacket?: Buffer }): [number, string, string] {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    // The first chunk of a request whose request line alone overflows has no line break in its first kilobytes.
    const raw = error.rawPacket;
    const lineEnd = raw ? raw.indexOf('\r\n') : 0;
    if (raw && /^[A-Z]+ \//.test(raw.subarray(0, 16).toString('latin1')) && (lineEnd === -1 || lineEnd > 8 * 1024)) {
      return [414, 'uri-too-long', 'the URL is longer than the server reads'];
    }
    return [431, 'headers-too-long', 'the request line and headers are larger than the server reads'];
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return [408, 'request-timeout', 'the request was not received in time'];
  return [400, 'malformed-request', 'the request is not well-formed HTTP'];
}
