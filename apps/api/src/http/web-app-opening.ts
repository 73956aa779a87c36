/**
 * The page served at an opening route (the dashboard, a case) names what its first render will read, for
 * the signed-in user: `<link rel="preload" as="fetch">` of the API paths and `<link rel="modulepreload">` of
 * the page's script files, from the build's dist/web/.opening.json (apps/web/vite.config.mts). The browser
 * then asks for them as the HTML arrives, instead of once the app's script has been fetched and run
 * (measured: the larger part of the dashboard's first render; `npm run bench -- web`).
 * Only names: each read is a request of the public API that the browser makes with the user's own cookie,
 * under the same policy, scope and suppression as any other. The only fact taken from the session is the
 * user's own org unit (a code, no personal data); without a live session the page names nothing.
 */

/** One route as the build describes it: a path pattern, API paths with placeholders, script files. */
export interface OpeningRoute {
  path: string;
  reads: string[];
  modules: string[];
}

/** The placeholders of apps/web/src/opening-reads.mts. */
const USER_OU = '__ou__';
const PATH_SEGMENT = '__1__';
/** What may stand in an attribute unescaped: a path, its query, percent-escapes. */
const SAFE_URL = /^\/[\w\-.~%/?=&;,()!*']*$/;

/** The build's opening routes (`list` reads its .opening.json); none when it wrote no list (an older build, or `vite serve`). */
export async function openingRoutes(list: () => Promise<string>): Promise<OpeningRoute[]> {
  try {
    const parsed = JSON.parse(await list()) as { routes?: OpeningRoute[] };
    return parsed.routes ?? [];
  } catch {
    return [];
  }
}

/** What the page at this path reads and loads first, for this user's org unit; undefined when no route matches. */
export interface Opening {
  reads: string[];
  modules: string[];
}

export function openingOf(routes: OpeningRoute[], path: string, ou: string): Opening | undefined {
  for (const route of routes) {
    const match = new RegExp(route.path).exec(path);
    if (!match) continue;
    const segment = match[1] === undefined ? '' : encodeURIComponent(safeDecode(match[1]));
    const fill = (read: string) => read.split(USER_OU).join(encodeURIComponent(ou)).split(PATH_SEGMENT).join(segment);
    return { reads: route.reads.map(fill).filter(isSafe), modules: route.modules.filter(isSafe) };
  }
  return undefined;
}

const isSafe = (href: string) => SAFE_URL.test(href);

/** The links that name an opening's reads and script files, as HTML. */
export function openingLinks({ reads, modules }: Opening): string {
  // crossorigin (anonymous): the credentials mode of the app's own fetch() and import(), so they match.
  return [
    ...reads.map((href) => `<link rel="preload" as="fetch" crossorigin href="${href}">`),
    ...modules.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
  ].join('');
}

/** index.html with the links before its first script (after the charset), so they are asked first. */
export function withLinks(html: string, links: string): string {
  return links === '' ? html : html.replace(/<script|<\/head>/i, (tag) => `${links}${tag}`);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
