/**
 * What the dashboard reads when it opens: its first org unit and period, the tiles' four indicators, the
 * charts' four and the table's first. One list for the components that read them and for prefetch.ts,
 * which asks for them as soon as the session answers, before the page has rendered.
 */
import type { User } from '../session/session';
import { indicatorPath, IndicatorQuery } from '../api/paths.mts';

export const FIRST_PERIOD = '2012';
export const firstOrgUnit = (user: User | null) => user?.ou ?? '640100';
export const FIRST_TABLE_INDICATOR = 'households-enrolled';

export type Read = { name: string; query: IndicatorQuery };

/**
 * The tiles: enrolment against the year's target, Happy Families among all households (the 60% goal counts every
 * household, not only those enrolled: certification-rate would divide by the enrolled), satisfaction, loans.
 */
export const targetReads = (ou: string, pe: string) => ({
  enrolled: { name: 'enrolment-vs-target', query: { ou, pe: pe.slice(0, 4) } },
  certified: { name: 'certification-goal', query: { ou, pe } },
  satisfaction: { name: 'satisfaction-rate', query: { ou, pe } },
  loans: { name: 'loan-principal-granted', query: { ou, pe } },
});

export const monthsOf = (pe: string) => Array.from({ length: 12 }, (_, m) => `${pe.slice(0, 4)}${String(m + 1).padStart(2, '0')}`);
const CHILD: Record<string, string> = { 640100: 'district' };
const childLevel = (ou: string) => CHILD[ou] ?? (ou.length === 6 ? 'township' : 'village');

/** The charts: households by category, the monthly trend of the period's year, satisfaction by child unit, loans. */
export const chartReads = (ou: string, pe: string) => ({
  byCategory: { name: 'households-enrolled', query: { ou, pe, by: 'category' } },
  trend: { name: 'households-enrolled', query: { ou, pe: monthsOf(pe).join(';') } },
  satisfaction: { name: 'satisfaction-rate', query: { ou, pe, level: childLevel(ou) } },
  loans: { name: 'loan-principal-granted', query: { ou, pe, by: 'programme,borrowerGroup' } },
});

/** The table's query for an indicator and breakdown. */
export const tableQuery = (ou: string, pe: string, by: string[]): IndicatorQuery => ({ ou, pe, by: by.join(',') });

/** The charts' and the table's indicator paths on opening (prefetch.ts; the tiles are primed whole). */
export const chartAndTablePaths = (ou: string): string[] => [
  ...Object.values(chartReads(ou, FIRST_PERIOD)).map((read) => indicatorPath(read.name, read.query)),
  indicatorPath(FIRST_TABLE_INDICATOR, tableQuery(ou, FIRST_PERIOD, [])),
];
