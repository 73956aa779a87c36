/**
 * HouseholdEnrolled v1 was written during the 2012 pilot, before households were enrolled by year and
 * batch: it has neither `enrolmentYear` nor `batch`. v2 (the current shape) has both.
 *
 * - enrolmentYear: the year, in the programme's calendar (libs/calendar: Beijing time), of the event's
 *   occurredAt, which is when the household was enrolled in the field. A household enrolled at
 *   2012-12-31T20:00Z was enrolled on 1 January 2013 in Yinchuan.
 * - batch: 1. Batches were introduced after the pilot, and the pilot counts as the first.
 */
import { localYearOf } from '../../calendar';
import { HouseholdEnrolled } from '../household/events';

type HouseholdEnrolledV2 = HouseholdEnrolled['data'];
export type HouseholdEnrolledV1 = Omit<HouseholdEnrolledV2, 'enrolmentYear' | 'batch'>;

export const PILOT_BATCH = 1;
export function enrolmentYearOf(occurredAt: string): number {
  if (Number.isNaN(Date.parse(occurredAt))) throw new Error(`HouseholdEnrolled v1 has an unreadable occurredAt ${occurredAt}`);
  return localYearOf(occurredAt);
}

/** (V1 | V2) -> V2; a v2 event comes back as it was (same object). */
export function upcastHouseholdEnrolled(data: HouseholdEnrolledV1 | HouseholdEnrolledV2, occurredAt: string): HouseholdEnrolledV2 {
  if ('enrolmentYear' in data && 'batch' in data) return data;
  const partial = data as Partial<HouseholdEnrolledV2> & HouseholdEnrolledV1;
  return {
    ...data,
    enrolmentYear: partial.enrolmentYear ?? enrolmentYearOf(occurredAt),
    batch: partial.batch ?? PILOT_BATCH,
  };
}
