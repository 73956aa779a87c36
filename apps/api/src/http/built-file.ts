/**
 * A file of the web app's build, read once and kept while it is unchanged: the page and its opening list were
 * read from disk for every page request. Its modification time is checked each time (one stat), so a build
 * written under a running server (`npm run build:web`) is served at once.
 */
import { stat, readFile } from 'node:fs/promises';

export function builtFile(path: string): () => Promise<string> {
  let kept: { mtimeMs: number; text: Promise<string> } | undefined;
  return async () => {
    const { mtimeMs } = await stat(path);
    if (kept?.mtimeMs !== mtimeMs) {
      const read = { mtimeMs, text: readFile(path, 'utf8') };
      kept = read;
      // A failed read is tried again next time, not kept (unless a newer read has already replaced it).
      read.text.catch(() => kept === read && (kept = undefined));
    }
    return kept.text;
  };
}
