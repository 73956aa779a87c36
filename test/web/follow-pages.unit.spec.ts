/**
 * The case list follows the API's cursor to the end, up to a bound (apps/web/src/hooks/follow-pages.ts): a list
 * cut at the bound says it was cut, so that the page warns instead of showing part of the cases as all of them.
 */
import { followPages } from '@apps/web/src/hooks/follow-pages';

type Page = { items: number[]; next?: string | null; position: string };

/** A list of `total` items served `size` at a time, counting the pages asked for. */
function served(total: number, size: number) {
  const asked: (string | undefined)[] = [];
  const fetchPage = async (cursor?: string): Promise<Page> => {
    asked.push(cursor);
    const from = cursor ? Number(cursor) : 0;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) => from + i);
    return { items, next: from + size < total ? String(from + size) : null, position: '42' };
  };
  return { asked, fetchPage };
}

describe('following the pages of a list', () => {
  it('reads a list to its end when it fits, and says it is whole', async () => {
    const { asked, fetchPage } = served(25, 10);
    const followed = await followPages(fetchPage, (page) => page.items, 5);
    expect(followed.items).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect([followed.truncated, followed.next, followed.first.position, asked]).toEqual([false, null, '42', [undefined, '10', '20']]);
  });

  it('stops at the bound, and says the list was cut with the cursor still unfollowed', async () => {
    const { asked, fetchPage } = served(1_000_000, 10);
    const followed = await followPages(fetchPage, (page) => page.items, 5);
    expect([followed.items.length, asked.length, followed.truncated, followed.next]).toEqual([50, 5, true, '50']);
  });

  it('is not cut when the last page allowed is the last page there is', async () => {
    const { fetchPage } = served(50, 10);
    const followed = await followPages(fetchPage, (page) => page.items, 5);
    expect([followed.items.length, followed.truncated]).toEqual([50, false]);
  });

  it('takes an absent `next` for the end, as a null one', async () => {
    const followed = await followPages(
      async () => ({ items: [1], position: '1' }) as Page,
      (page) => page.items,
      5,
    );
    expect([followed.items, followed.truncated, followed.next]).toEqual([[1], false, null]);
  });
});
