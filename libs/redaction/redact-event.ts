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
import { personalPathsOf } from '../domain/personal-fields';

/** Keys whose values are personal whatever event carries them, as spelt once case and `_`/`-` are dropped. */
const PERSONAL_KEYS = new Set(['head', 'name', 'fullname', 'idnumber', 'idcard', 'phone', 'phonenumber', 'mobile']);
/**
 * Health details: `healthCondition`, `medicalHistory`... (a focus area whose *value* is "health" is kept); and a
 * person's name, id number or phone under a qualified key (`partnerName`, `partnerIdNumber`, `guardianPhone`),
 * in snake or kebab case too (`guardian_name`, `partner-id-number`): imported and legacy data spell keys so.
 */
const PERSONAL_KEY_PATTERN = /health|medical|diagnos/i;
const QUALIFIED_PERSONAL_KEY = /[a-z](Name|IdNumber|IdCard|Phone|PhoneNumber|Mobile)$/;
const QUALIFIED_SEPARATED_KEY = /[a-z0-9][_-](name|id[_-]?number|id[_-]?card|phone|phone[_-]?number|mobile)$/i;

/** Verdicts by key: the same few keys come back in every event, and the pattern was a test per key per event. */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 10_000;

export function isPersonalKey(key: string): boolean {
  let personal = verdicts.get(key);
  if (personal === undefined) {
    personal =
      PERSONAL_KEYS.has(key.replace(/[_-]/g, '').toLowerCase()) ||
      PERSONAL_KEY_PATTERN.test(key) ||
      QUALIFIED_PERSONAL_KEY.test(key) ||
      QUALIFIED_SEPARATED_KEY.test(key);
    if (verdicts.size < MAX_VERDICTS) verdicts.set(key, personal);
  }
  return personal;
}

/**
 * The event without personal fields; the input is not modified. Only what holds a personal field is copied,
 * the rest is shared with the input (the feed redacts every event it sends: a deep copy of each was the
 * feed's largest cost after the read itself). The same event when it holds none.
 */
export function redactEvent<E extends RecordedEvent>(recorded: E): E {
  const data = redactData(recorded.type, recorded.data);
  return data === recorded.data ? recorded : { ...recorded, data };
}

/**
 * The data of a `type` event without its personal fields: the same object when it holds none. Also for copies
 * redacted before (a consumer group's queue), which the rules may have learnt more about since.
 */
export function redactData(type: string, data: JsonObject): JsonObject {
  let redacted = withoutPersonalKeys(data) as JsonObject;
  for (const path of personalPathsOf(type)) redacted = withoutPath(redacted, path);
  return redacted;
}

/** `value` without personal keys at any depth: the same value when it has none, else copies along the way to them. */
function withoutPersonalKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map(withoutPersonalKeys);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  let copy: JsonObject | undefined;
  for (const key of Object.keys(value)) {
    if (isPersonalKey(key)) {
      copy ??= { ...value };
      delete copy[key];
      continue;
    }
    const inner = (value as JsonObject)[key];
    const kept = withoutPersonalKeys(inner);
    if (kept === inner) continue;
    copy ??= { ...value };
    copy[key] = kept;
  }
  return copy ?? value;
}

/** `target` without the value at the dot path (in every element of an array on the way), copied along that path only. */
function withoutPath(target: JsonObject, [head, ...rest]: readonly string[]): JsonObject {
  if (!Object.hasOwn(target, head)) return target;
  if (rest.length === 0) {
    const copy = { ...target };
    delete copy[head];
    return copy;
  }
  const next = target[head];
  const kept = Array.isArray(next)
    ? keptItems(next, (item) => (item && typeof item === 'object' && !Array.isArray(item) ? withoutPath(item as JsonObject, rest) : item))
    : next && typeof next === 'object'
      ? withoutPath(next as JsonObject, rest)
      : next;
  return kept === next ? target : { ...target, [head]: kept };
}

function keptItems<T>(items: T[], keep: (item: T) => T): T[] {
  const kept = items.map(keep);
  return kept.some((item, i) => item !== items[i]) ? kept : items;
}
