/**
 * Strips personal data from an event before it leaves the service through a subscriber channel (the SSE
 * feed, consumer groups, the NATS relay). Until access control lands no subscriber holds the scope for
 * personal fields, so every channel calls this unconditionally.
 *
 * Two layers, so that a field added without updating the catalogue still does not leak:
 * 1. the household catalogue's `personalFields` for the event's type (top-level paths of `data`);
 * 2. everywhere in `data`, at any depth, keys that by their name hold personal data (`head`, `name`,
 *    `idNumber`, `phone`, anything about health details).
 */
import type { JsonObject, RecordedEvent } from '../event-store/event-store.port';
import { HOUSEHOLD_EVENT_CATALOGUE } from '../domain/household/catalogue';
import * as householdEvents from '../domain/household/events';

/** Keys whose values are personal whatever event carries them. */
const PERSONAL_KEYS = new Set(['head', 'name', 'fullName', 'idNumber', 'idCard', 'phone', 'phoneNumber', 'mobile']);
/** Health details: `healthCondition`, `health_details`, `medicalHistory`... (a focus area *value* "health" is kept). */
const PERSONAL_KEY_PATTERN = /health|medical|diagnos/i;

export function isPersonalKey(key: string): boolean {
  return PERSONAL_KEYS.has(key) || PERSONAL_KEY_PATTERN.test(key);
}

/**
 * The personal top-level fields of `data` declared for an event type: the domain's PERSONAL_FIELDS when it
 * exports one (a list for every household event, or a record by type), and the catalogue's entry.
 */
export function declaredPersonalFields(type: string): readonly string[] {
  const exported = (householdEvents as Record<string, unknown>).PERSONAL_FIELDS;
  const catalogue = HOUSEHOLD_EVENT_CATALOGUE as Record<string, { personalFields: readonly string[] } | undefined>;
  const entry = catalogue[type];
  const fromDomain = Array.isArray(exported)
    ? (entry ? (exported as string[]) : [])
    : ((exported as Record<string, readonly string[]> | undefined)?.[type] ?? []);
  return [...fromDomain, ...(entry?.personalFields ?? [])];
}

/** A copy of the event without personal fields; the input is not modified. */
export function redactEvent<E extends RecordedEvent>(recorded: E): E {
  const declared = new Set(declaredPersonalFields(recorded.type));
  const data: JsonObject = {};
  for (const [key, value] of Object.entries(recorded.data)) {
    if (declared.has(key) || isPersonalKey(key)) continue;
    data[key] = stripPersonalKeys(value);
  }
  return { ...recorded, data };
}

function stripPersonalKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPersonalKeys);
  if (value === null || typeof value !== 'object') return value;
  const copy: JsonObject = {};
  for (const [key, inner] of Object.entries(value as JsonObject)) {
    if (!isPersonalKey(key)) copy[key] = stripPersonalKeys(inner);
  }
  return copy;
}
