/**
 * Following a list's `next` cursor page by page, up to a bound: a list too long to hold is cut there, and says
 * so (`truncated`), so that a page never shows part of a list as if it were all of it.
 */

/** A page of a list as the API answers it: `next` is the cursor of the page after, absent or null on the last. */
export interface Paged {
  next?: string | null;
}

export interface Followed<P, T> {
  /** The first page as answered, for what it says besides its items (the log position it reflects). */
  first: P;
  items: T[];
  /** The cursor still unfollowed when the bound was reached; null when the list was read to its end. */
  next: string | null;
  truncated: boolean;
}

/** Reads `fetchPage(undefined)`, then each `next`, for at most `maxPages` pages in all. */
export async function followPages<P extends Paged, T>(
  fetchPage: (cursor?: string) => Promise<P>,
  itemsOf: (page: P) => T[],
  maxPages: number,
): Promise<Followed<P, T>> {
  const first = await fetchPage();
  const items = [...itemsOf(first)];
  let next = first.next ?? null;
  for (let page = 1; next && page < maxPages; page += 1) {
    const answer = await fetchPage(next);
    items.push(...itemsOf(answer));
    next = answer.next ?? null;
  }
  return { first, items, next, truncated: next !== null };
}
