/**
 * Requests the page starts before React has rendered anything (prefetch.ts), kept by path until the
 * component that needs the answer asks for it (api/client.ts takes it instead of fetching again). Rendering
 * the shell takes long enough that a page waiting for its first render to ask would wait that long first.
 * Each answer is taken once, and what no one took is dropped when the user leaves the first page, so an
 * early answer is never served for a later question.
 */
const started = new Map<string, Promise<Response>>();

/** Starts a GET of a same-origin path (`/indicators/...?ou=...`), unless one is already under way. */
export function requestEarly(path: string): Promise<Response> {
  let response = started.get(path);
  if (!response) {
    response = fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    started.set(path, response);
  }
  return response;
}

/** The early answer for this path, once; undefined when none was started (or it was taken). */
export function takeEarly(path: string): Promise<Response> | undefined {
  const response = started.get(path);
  started.delete(path);
  return response;
}

export function forgetEarly(): void {
  started.clear();
}
