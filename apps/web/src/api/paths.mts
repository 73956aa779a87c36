/** API paths the page reads, built without the client (prefetch.ts, and the build's list of opening reads). */

export interface IndicatorQuery {
  ou?: string;
  pe?: string;
  by?: string;
  level?: string;
}

export function indicatorPath(name: string, query: IndicatorQuery): string {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]));
  const search = params.toString();
  return `/indicators/${encodeURIComponent(name)}${search ? `?${search}` : ''}`;
}
