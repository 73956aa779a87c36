/**
 * The registry of every stored event type name, by aggregate. Stored names are frozen: never rename one,
 * add a new type or an upcaster (./upcasting). event-types.unit.spec.ts lists them all and fails on change.
 *
 * To register another aggregate: give it a `catalogue.ts` keyed by its event union,
 * as ./household/catalogue.ts is, add one line to CATALOGUES, and add its names to the spec's frozen list.
 */
import { HOUSEHOLD_EVENT_CATALOGUE } from './household/catalogue';
import { LOAN_EVENT_CATALOGUE } from './loan/catalogue';
import { SUPPORT_EVENT_CATALOGUE } from './support/catalogue';
import { CASE_EVENT_TYPES, CaseEvent } from './accountability-case/events';
import { RESPONSIBILITY_EVENT_TYPES, ResponsibilityEvent } from './responsibility/events';
import { SUPERVISION_EVENT_TYPES, SupervisionEvent } from './supervision/events';
import { CITY_BULLETIN_EVENT_TYPES, CityBulletinEvent } from './supervision/city-bulletin';
import { ACTIVITY_EVENT_TYPES, ActivityEvent } from './activity/events';
import { PILOT_VILLAGE_EVENT_TYPES, PilotVillageEvent } from './pilot-village/events';
import { SCREENING_EVENT_TYPES, SCREENING_PERSONAL_FIELDS, ScreeningEvent } from './screening/events';

type Catalogue<Type extends string> = { readonly [T in Type]: { readonly personalFields: readonly string[] } };

/**
 * A catalogue from an aggregate's list of stored names. Officials appear by id and position only, so these
 * events hold personal data only in free text a person writes about a person: those paths are named.
 */
function catalogueOf<Type extends string>(
  types: readonly Type[],
  personal: Partial<Record<Type, readonly string[]>> = {},
): Catalogue<Type> {
  return Object.fromEntries(types.map((type) => [type, { personalFields: personal[type] ?? [] }])) as Catalogue<Type>;
}

// The city's bulletins share the category: its stream, supervision-640100, is the city's supervision.
const SUPERVISION_EVENT_CATALOGUE = catalogueOf<SupervisionEvent['type'] | CityBulletinEvent['type']>(
  [...SUPERVISION_EVENT_TYPES, ...CITY_BULLETIN_EVENT_TYPES],
  {
    // Why a term ended (illness, a transfer) is about the supervisor; findings may name residents.
    SupervisorAssignmentEnded: ['reason'],
    SupervisionVisitRecorded: ['findings'],
  },
);
const RESPONSIBILITY_EVENT_CATALOGUE = catalogueOf<ResponsibilityEvent['type']>(RESPONSIBILITY_EVENT_TYPES);
// Who decided appears by id; the reason is about a village, not a person.
const PILOT_VILLAGE_EVENT_CATALOGUE = catalogueOf<PilotVillageEvent['type']>(PILOT_VILLAGE_EVENT_TYPES);
// A case's free text is a supervisor's or a unit's account of what people did or failed to do: the reasons,
// requirements and reports may name officials and residents, so all of it is personal (the grounds, dates and
// ids are not). The grounds for a measure against a named official are about that official.
const CASE_EVENT_CATALOGUE = catalogueOf<CaseEvent['type']>(CASE_EVENT_TYPES, {
  CaseOpened: ['evidence', 'reason'],
  RectificationOrdered: ['requirements', 'reason'],
  RectificationReported: ['report', 'evidence', 'reason'],
  RectificationAccepted: ['reason'],
  RectificationRejected: ['reason'],
  CriticismIssued: ['reason'],
  LeaderHeldAccountable: ['reason'],
  CaseEscalated: ['reason'],
  CaseClosed: ['reason', 'waiver.reason'],
  CaseReopened: ['reason'],
});

// Group activities are counted, not attended by name; only the free-text reasons may name someone.
const ACTIVITY_EVENT_CATALOGUE = catalogueOf<ActivityEvent['type']>(ACTIVITY_EVENT_TYPES, {
  GroupActivityHeld: ['reason'],
  GroupActivityCorrected: ['reason'],
  GroupActivityCancelled: ['reason'],
});

// Health data of a named person: the person, every result, finding, advice and outcome (./screening/events.ts).
const SCREENING_EVENT_CATALOGUE = catalogueOf<ScreeningEvent['type']>(SCREENING_EVENT_TYPES, SCREENING_PERSONAL_FIELDS);

/** Stream category (the part of the stream name before the first `-`) to that aggregate's catalogue. */
const CATALOGUES = {
  household: HOUSEHOLD_EVENT_CATALOGUE,
  loan: LOAN_EVENT_CATALOGUE,
  supervision: SUPERVISION_EVENT_CATALOGUE,
  responsibility: RESPONSIBILITY_EVENT_CATALOGUE,
  case: CASE_EVENT_CATALOGUE,
  activity: ACTIVITY_EVENT_CATALOGUE,
  pilotvillage: PILOT_VILLAGE_EVENT_CATALOGUE,
  screening: SCREENING_EVENT_CATALOGUE,
  support: SUPPORT_EVENT_CATALOGUE,
} as const;

type Catalogues = typeof CATALOGUES;
export type StreamCategory = keyof Catalogues;
export type StoredEventType = { [Category in StreamCategory]: keyof Catalogues[Category] & string }[StreamCategory];

export interface EventTypeInfo {
  type: StoredEventType;
  streamCategory: StreamCategory;
  /** Dot paths into `data` that hold personal data; see stripPersonalFields. */
  personalFields: readonly string[];
}

function buildRegistry(): ReadonlyMap<string, EventTypeInfo> {
  const registry = new Map<string, EventTypeInfo>();
  for (const [streamCategory, catalogue] of Object.entries(CATALOGUES) as [
    StreamCategory,
    Record<string, { personalFields: readonly string[] }>,
  ][]) {
    for (const [type, { personalFields }] of Object.entries(catalogue)) {
      // One name, one meaning: the global log is read by type name alone.
      if (registry.has(type)) throw new Error(`event type ${type} is registered by two aggregates`);
      registry.set(type, { type: type as StoredEventType, streamCategory, personalFields });
    }
  }
  return registry;
}

export const EVENT_TYPE_REGISTRY = buildRegistry();

export const EVENT_TYPES: readonly StoredEventType[] = [...EVENT_TYPE_REGISTRY.keys()] as StoredEventType[];

/** Personal field paths per event type, for the feed and exports. */
export const PERSONAL_FIELDS = Object.fromEntries(
  [...EVENT_TYPE_REGISTRY.values()].map((info) => [info.type, info.personalFields]),
) as Readonly<Record<StoredEventType, readonly string[]>>;

export function isStoredEventType(type: string): type is StoredEventType {
  return EVENT_TYPE_REGISTRY.has(type);
}

/** The stored names of one aggregate, e.g. for an event-type filter on the global log. */
export function eventTypesOf(category: StreamCategory): StoredEventType[] {
  return [...EVENT_TYPE_REGISTRY.values()].filter((info) => info.streamCategory === category).map((info) => info.type);
}

/**
 * A copy of `data` without the personal fields of its event type. Fails closed: an unregistered type
 * throws rather than pass through data nobody has classified.
 */
export function stripPersonalFields<D extends object>(type: string, data: D): Partial<D> {
  const info = EVENT_TYPE_REGISTRY.get(type);
  if (info === undefined) throw new Error(`event type ${type} is not registered; cannot tell its personal fields`);
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const path of info.personalFields) removePath(copy, path.split('.'));
  return copy as Partial<D>;
}

function removePath(target: Record<string, unknown>, [head, ...rest]: string[]): void {
  if (rest.length === 0) {
    delete target[head];
    return;
  }
  const next = target[head];
  if (typeof next === 'object' && next !== null) removePath(next as Record<string, unknown>, rest);
}
