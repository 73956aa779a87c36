/**
 * A position in the global log, in EventStoreDB's shape. The log is ordered by `commit`, then `prepare`.
 *
 * On PostgreSQL both parts hold the same number (see postgres/README.md for how it is built); on
 * EventStoreDB they are the transaction-log offsets the server reports. Checkpoints keep both parts, so a
 * checkpoint stored in PostgreSQL means the same thing on either backend.
 */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

export const START: Position = Object.freeze({ commit: -1n, prepare: -1n });

export function position(commit: bigint, prepare: bigint = commit): Position {
  return { commit, prepare };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function isAfter(a: Position, b: Position): boolean {
  return comparePositions(a, b) > 0;
}

/**
 * The text form used over HTTP (SSE ids, `from=` parameters, JSON bodies): `"<n>"` when both parts are
 * equal, otherwise `"<commit>/<prepare>"`. Strings, not JSON numbers: positions outgrow 2^53.
 */
export function formatPosition(p: Position): string {
  return p.commit === p.prepare ? p.commit.toString() : `${p.commit}/${p.prepare}`;
}

const POSITION_TEXT = /^(\d{1,19})(?:\/(\d{1,19}))?$/;

/** Parses the text form; returns undefined for anything else (callers turn that into a 400). */
export function parsePosition(text: string): Position | undefined {
  const match = POSITION_TEXT.exec(text.trim());
  if (!match) return undefined;
  const commit = BigInt(match[1]);
  const prepare = match[2] === undefined ? commit : BigInt(match[2]);
  const max = 2n ** 63n - 1n;
  if (commit > max || prepare > max) return undefined;
  return { commit, prepare };
}
