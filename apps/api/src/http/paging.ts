/**
 * Cursor paging for every list: `?limit=` (1 to MAX_PAGE, DEFAULT_PAGE when absent) and `?cursor=`, an
 * opaque token the previous page handed out in `next` (and in a `Link: <...>; rel="next"` header). The
 * cursor holds the sort key of the last row sent, so pages neither repeat nor skip a row when rows are
 * added between requests; it names no filter, so the same query parameters must come with it.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { Request, Response } from 'express';
import { invalidField } from './problem';

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;

/** Mixed into each list's query DTO. */
export class PageQuery {
  @ApiPropertyOptional({ description: `rows per page, 1 to ${MAX_PAGE} (default ${DEFAULT_PAGE})` })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9]\d{0,3}$/, { message: `limit must be an integer from 1 to ${MAX_PAGE}` })
  limit?: string;

  @ApiPropertyOptional({ description: 'the `next` cursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'cursor must be a cursor this service handed out' })
  cursor?: string;
}

export interface Page {
  limit: number;
  /** The sort key of the last row of the previous page, or undefined for the first page. */
  after?: string[];
}

export function pageOf(query: PageQuery): Page {
  const limit = query.limit === undefined ? DEFAULT_PAGE : Number(query.limit);
  if (limit > MAX_PAGE) throw invalidField('limit', `limit must be an integer from 1 to ${MAX_PAGE}`, 'max');
  return { limit, after: query.cursor === undefined ? undefined : decodeCursor(query.cursor) };
}

function decodeCursor(cursor: string): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length > 0 && key.every((part) => typeof part === 'string' && !part.includes('\u0000'))) return key;
  } catch {
    // falls through to the refusal
  }
  throw invalidField('cursor', 'cursor must be a cursor this service handed out');
}

/**
 * Cuts the rows fetched (up to `limit + 1`: the extra one tells that another page exists) to the page,
 * and sets the `Link` header of the next page. Returns the rows to send and the `next` cursor (or null).
 */
export function cutPage<Row>(
  rows: Row[],
  page: Page,
  keyOf: (row: Row) => string[],
  request: Request,
  response: Response,
): { rows: Row[]; next: string | null } {
  if (rows.length <= page.limit) return { rows, next: null };
  const kept = rows.slice(0, page.limit);
  const next = Buffer.from(JSON.stringify(keyOf(kept[kept.length - 1])), 'utf8').toString('base64url');
  const url = new URL(request.originalUrl, 'http://local');
  url.searchParams.set('cursor', next);
  url.searchParams.set('limit', String(page.limit));
  response.setHeader('Link', `<${url.pathname}${url.search}>; rel="next"`);
  return { rows: kept, next };
}
