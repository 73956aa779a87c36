/**
 * Responsibility: the decomposition of the programme's work to named people. Officials are referred to by
 * id and position, never by name: names are personal data and live outside the log.
 */
import { DomainEvent } from '../shared';

export interface IndicatorTarget {
  /** Indicator code, e.g. `visits-per-household`. */
  code: string;
  target: number;
  unitOfMeasure: string;
}

export type ResponsibilityAssigned = DomainEvent<
  'ResponsibilityAssigned',
  {
    responsibilityId: string;
    task: string;
    officialId: string;
    position: string;
    unitCode: string;
    indicator: IndicatorTarget;
    /** A DHIS2 period (`YYYYMM`, `YYYYMMB`, `YYYYQn`, `YYYY`) by whose end the target is due. */
    duePeriod: string;
    reason: string;
  }
>;

export type ResponsibilityEvent = ResponsibilityAssigned;

/** The stored names, for the frozen registry; the check below fails to compile when the union and this list part. */
export const RESPONSIBILITY_EVENT_TYPES = ['ResponsibilityAssigned'] as const satisfies readonly ResponsibilityEvent['type'][];

const _allListed: [Exclude<ResponsibilityEvent['type'], (typeof RESPONSIBILITY_EVENT_TYPES)[number]>] extends [never] ? true : never = true;
