/**
 * Upcasting: old shapes of stored events brought to the current shape when events are read, so deciders
 * and projections know only the last version of each schema. Stored events are never rewritten.
 *
 * Verify an event's hash chain on the stored form, before upcasting: the hash covers what was written.
 */
import { StoredEventType } from '../event-types';
import { BulletinIssuedV1, BulletinIssuedV2, upcastBulletinIssued } from './bulletin-issued';
import { HouseholdEnrolledV1, upcastHouseholdEnrolled } from './household-enrolled';
import { RectificationReportedV1, upcastRectificationReported } from './rectification-reported';

export { enrolmentYearOf, PILOT_BATCH, upcastHouseholdEnrolled } from './household-enrolled';
export type { HouseholdEnrolledV1 } from './household-enrolled';
export { upcastBulletinIssued } from './bulletin-issued';
export type { BulletinIssuedV1, BulletinIssuedV2 } from './bulletin-issued';
export { upcastRectificationReported } from './rectification-reported';
export type { RectificationReportedV1 } from './rectification-reported';

/** What an upcaster may read besides the data: the metadata every stored event carries. */
export interface UpcastContext {
  /** ISO-8601 UTC: when the fact happened in the field. */
  occurredAt: string;
}

type Data = Record<string, unknown>;
type Upcaster = (data: Data, context: UpcastContext) => Data;

/** One entry per event type that has had more than one shape; chain versions inside the entry. */
const UPCASTERS: Partial<Record<StoredEventType, Upcaster>> = {
  HouseholdEnrolled: (data, { occurredAt }) => upcastHouseholdEnrolled(data as unknown as HouseholdEnrolledV1, occurredAt),
  BulletinIssued: (data) => upcastBulletinIssued(data as unknown as BulletinIssuedV1 | BulletinIssuedV2),
  RectificationReported: (data) => upcastRectificationReported(data as unknown as RectificationReportedV1),
};

/** UPCASTERS as a Map: every event read is looked up, and a Map answers faster than an object's own keys. */
const UPCASTERS_BY_TYPE: ReadonlyMap<string, Upcaster> = new Map(Object.entries(UPCASTERS));

/** The data of a `type` event in its current shape; data already current (or of any other type) is returned as is. */
export function upcast(type: string, data: Data, context: UpcastContext): Data {
  const upcaster = UPCASTERS_BY_TYPE.get(type);
  return upcaster ? upcaster(data, context) : data;
}

/**
 * A recorded event with its data in the current shape, everything else (id, revision, position, hashes)
 * untouched. This is what the command path folds and what projections apply.
 */
export function upcastEvent<R extends { type: string; data: Data; metadata: UpcastContext }>(recorded: R): R {
  const data = upcast(recorded.type, recorded.data, recorded.metadata);
  return data === recorded.data ? recorded : { ...recorded, data };
}
