/**
 * Pilot villages: each township chooses at least 15% of its villages as pilots (the seed report). A designation
 * is a fact with who decided it and why, and so is its withdrawal; officials appear by id, never by name.
 */
import { DomainEvent } from '../shared';

export type PilotVillageDesignated = DomainEvent<
  'PilotVillageDesignated',
  {
    villageCode: string;
    townshipCode: string;
    /** The official (id) or body that decided, e.g. the township's decision. */
    designatedBy: string;
    /** Why this village: the township's decision and its grounds. */
    reason: string;
  }
>;

export type PilotVillageDesignationWithdrawn = DomainEvent<
  'PilotVillageDesignationWithdrawn',
  { villageCode: string; townshipCode: string; withdrawnBy: string; reason: string }
>;

export type PilotVillageEvent = PilotVillageDesignated | PilotVillageDesignationWithdrawn;

/** The stored names, for the frozen registry; the check below fails to compile when the union and this list part. */
export const PILOT_VILLAGE_EVENT_TYPES = [
  'PilotVillageDesignated',
  'PilotVillageDesignationWithdrawn',
] as const satisfies readonly PilotVillageEvent['type'][];

const _allListed: [Exclude<PilotVillageEvent['type'], (typeof PILOT_VILLAGE_EVENT_TYPES)[number]>] extends [never] ? true : never = true;
