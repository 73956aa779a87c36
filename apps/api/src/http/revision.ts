/**
 * Stream revisions over HTTP: `ETag: "<revision>"` on reads and command answers, `If-Match: "<revision>"`
 * on commands (optional; a stale one is refused with 412 by the command path).
 */
import { Request, Response } from 'express';
import { ProblemException } from './problem';

const STRONG_REVISION = /^"(\d{1,19})"$/;

export function etagOf(revision: bigint): string {
  return `"${revision}"`;
}

/** The revision the client expects, or undefined when it sets no precondition (absent or `*`). */
export function ifMatchRevision(request: Request): bigint | undefined {
  const header = request.header('if-match')?.trim();
  if (header === undefined || header === '*') return undefined;
  const match = STRONG_REVISION.exec(header);
  if (!match) throw ProblemException.of(400, 'invalid-header', 'If-Match must be one quoted stream revision, such as "3"');
  return BigInt(match[1]);
}

export function setEtag(response: Response, revision: bigint): void {
  response.setHeader('ETag', etagOf(revision));
}
