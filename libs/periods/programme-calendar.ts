/** The programme-calendar year of an instant: libs/calendar's zone (Asia/Shanghai unless configured). */
import { localYearOf } from '../calendar';

/** The programme-calendar year an ISO-8601 instant falls in. */
export function programmeYearOf(iso: string): number {
  return localYearOf(iso);
}
