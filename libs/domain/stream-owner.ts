/**
 * Where each stream sits in the org-unit tree, read off its name or its first event: the place a scoped
 * subscriber (a district's system) must be inside to receive its events. A stream's owner never changes:
 * the first event of a stream is never rewritten, and no aggregate moves between places.
 * Every stream category must say (the Record below fails to compile otherwise).
 */
import type { StreamCategory } from './event-types';

export type StreamOwner =
  /** An org unit's code: a village, a township, a district. */
  | { orgUnit: string }
  /** The household's place, which its own stream says. */
  | { household: string }
  /** Spans the city or names no org unit (a department): whole-city subscribers only. */
  | { city: true };

interface FirstEvent {
  type: string;
  data: Record<string, unknown>;
}

const CITY: StreamOwner = { city: true };
const orgUnit = (code: unknown): StreamOwner => (typeof code === 'string' && code !== '' ? { orgUnit: code } : CITY);
const household = (id: unknown): StreamOwner => (typeof id === 'string' && id !== '' ? { household: id } : CITY);
const afterCategory = (stream: string) => stream.slice(stream.indexOf('-') + 1);

const OWNERS: Record<StreamCategory, (stream: string, first: FirstEvent | undefined) => StreamOwner> = {
  household: (_, first) => orgUnit(first?.data.villageCode),
  loan: (_, first) => household(first?.data.householdId),
  supervision: (stream) => orgUnit(afterCategory(stream)),
  // Responsibilities are laid on departments as often as on districts: a department is no place.
  responsibility: () => CITY,
  case: (_, first) => orgUnit(first?.data.districtCode),
  activity: (_, first) => orgUnit(first?.data.orgUnitCode),
  pilotvillage: (stream) => orgUnit(afterCategory(stream)),
  screening: (_, first) => orgUnit(first?.data.villageCode),
  // Support is handed to a household: it sits where the household does.
  support: (_, first) => household(first?.data.householdId),
};

export function ownerOfStream(stream: string, first: FirstEvent | undefined): StreamOwner {
  const owner = OWNERS[stream.split('-')[0] as StreamCategory];
  return owner ? owner(stream, first) : CITY;
}
