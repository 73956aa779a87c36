/**
 * Strips personal data from an event before it leaves the service through a subscriber channel (the SSE
 * feed, consumer groups, the NATS relay). Until access control lands no subscriber holds the scope for
 * personal fields, so every channel calls this unconditionally.
 *
 * Two layers, so that a field nobody has classified yet still does not leak:
 * 1. the dot paths the event type registry declares personal (PERSONAL_FIELDS: `head`, free-text reasons);
 * 2. everywhere in `data`, at any depth, keys that by their name hold personal data (`head`, `name`,
 *    `idNumber`, `phone`, health details). Types not in the registry (yet) get this layer only.
 */
import type { JsonObject, RecordedEvent } from '../event-store/event-store.port';
import { PERSONAL_FIELDS } from '../domain/event-types';

/** Keys whose values are personal whatever event carries them. */
const PERSONAL_KEYS = new Set(['head', 'name', 'fullName', 'idNumber', 'idCard', 'phone', 'phoneNumber', 'mobile']);
/** Health details: `healthCondition`, `medicalHistory`... (a focus area whose *value* is "health" is kept). */
const PERSONAL_KEY_PATTERN = /health|medical|diagnos/i;

export function isPersonalKey(key: string): boolean {
  return PERSONAL_KEYS.has(key) || PERSONAL_KEY_PATTERN.test(key);
}

/** The dot paths into `data` the registry declares personal for this type (none for an unregistered type). */
export function declaredPersonalFields(type: string): readonly string[] {
  return (PERSONAL_FIELDS as Readonly<Record<string, readonly string[] | undefined>>)[type] ?? [];
}

/** A copy of the event without personal fields; the input is not modified. */
export function redactEvent<E extends RecordedEvent>(recorded: E): E {
  const data = stripPersonalKeys(recorded.data) as JsonObject;
  for (const path of declaredPersonalFields(recorded.type)) removePath(data, path.split('.'));
  return { ...recorded, data };
}

/** A deep copy without personal keys. */
function stripPersonalKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripPersonalKeys);
  if (value === null || typeof value !== 'object') return value;
  const copy: JsonObject = {};
  for (const [key, inner] of Object.entries(value as JsonObject)) {
    if (!isPersonalKey(key)) copy[key] = stripPersonalKeys(inner);
  }
  return copy;
}

function removePath(target: JsonObject, [head, ...rest]: string[]): void {
  if (rest.length === 0) {
    delete target[head];
    return;
  }
  const next = target[head];
  if (Array.isArray(next)) next.forEach((item) => item && typeof item === 'object' && removePath(item as JsonObject, rest));
  else if (next && typeof next === 'object') removePath(next as JsonObject, rest);
}
