/**
 * Folds without personal data, for deciders that ignore personal fields (`Decider.ignoresPersonalFields`).
 * Their streams are read with those fields sealed (handle-command.ts), and the events they have just decided
 * are folded with the fields replaced the same way, so a state kept between commands (./folded-states.ts)
 * never holds personal data in the clear, however long it is kept.
 */
import { DomainEvent } from '../domain/shared/decider';
import { PERSONAL_FIELDS } from '../domain/event-types';
import { mapPersonalLeaves } from '../personal-data/field-crypto';

/** What a personal field of a just-decided event reads as in a kept state. */
export const SEALED = '[sealed]';

/** The event as a sealed read would hand it to the fold: its personal fields not in the clear. */
export function asFolded<E extends DomainEvent>(decider: { ignoresPersonalFields?: boolean }, event: E): E {
  if (!decider.ignoresPersonalFields) return event;
  const paths = (PERSONAL_FIELDS as Readonly<Record<string, readonly string[] | undefined>>)[event.type] ?? [];
  if (paths.length === 0) return event;
  return { ...event, data: mapPersonalLeaves(event.data as Record<string, unknown>, paths, () => SEALED) };
}
