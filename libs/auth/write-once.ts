import { randomUUID } from 'node:crypto';
import { linkSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * Creates `path` with `content` unless it exists; true when this call created it. Two processes starting
 * together (API and projector) must neither overwrite each other's key nor read a half-written one, so
 * the content is written whole under a draft name and linked into place: `link` fails if a file is there.
 */
export function writeFileOnce(path: string, content: string): boolean {
  const draft = `${path}.${process.pid}.${randomUUID()}.draft`;
  writeFileSync(draft, content, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    unlinkSync(draft);
  }
}
