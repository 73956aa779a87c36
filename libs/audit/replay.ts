/**
 * The auditor's replay: a stream's recorded events folded through its decider's `evolve`, to any point.
 *
 * Two clocks, kept apart:
 *  - `stateAsOf(t)` folds what the log had *recorded* by t (recordedAt <= t), in stream order:
 *    "what could anyone have known then".
 *  - `stateOccurredAsOf(t)` folds what had *happened* by t (metadata.occurredAt <= t), in occurredAt order
 *    (stream order breaks ties), late-recorded facts included: "what was true then, as we know it now".
 * The evolve functions are total, so a fold in occurredAt order never throws on an unexpected sequence.
 */
import { asOfInstant } from '../calendar/calendar';
import { DomainEvent } from '../domain/shared/decider';
import { RecordedEvent } from '../event-store/event-store.port';

/** The part of a Decider that replay needs. */
export interface Evolver<E, S> {
  evolve(state: S, event: E): S;
  initialState: S;
}

export interface HistoryEntry<S> {
  event: RecordedEvent;
  /** The state right after this event. */
  state: S;
}

export interface Replayed<S> {
  state: S;
  /** Revisions of the events folded, in the order folded. */
  revisions: bigint[];
}

/** The decider's event; the events come from the store already upcast (libs/event-store/upcasting-event-store.ts). */
function toDomain<E>(recorded: RecordedEvent): E {
  return { type: recorded.type, data: recorded.data } as unknown as E;
}

const byRevision = (a: RecordedEvent, b: RecordedEvent) => (a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0);

/** Every event in stream order with the state after it. */
export function replayHistory<E extends DomainEvent, S>(decider: Evolver<E, S>, events: readonly RecordedEvent[]): HistoryEntry<S>[] {
  let state = decider.initialState;
  return [...events].sort(byRevision).map((event) => {
    state = decider.evolve(state, toDomain<E>(event));
    return { event, state };
  });
}

/** The state after the event at `revision` (inclusive); the initial state for a revision below 0. */
export function stateAtRevision<E extends DomainEvent, S>(
  decider: Evolver<E, S>,
  events: readonly RecordedEvent[],
  revision: bigint,
): Replayed<S> {
  return foldEvents(
    decider,
    [...events].sort(byRevision).filter((e) => e.revision <= revision),
  );
}

/** What had been recorded by `at` (recordedAt <= at), folded in stream order. */
export function stateAsOf<E extends DomainEvent, S>(decider: Evolver<E, S>, events: readonly RecordedEvent[], at: string): Replayed<S> {
  const limit = point(at, 'asOf');
  return foldEvents(
    decider,
    [...events].sort(byRevision).filter((e) => instant(e.recordedAt, 'recordedAt') <= limit),
  );
}

/** What had happened by `at` (occurredAt <= at), folded in occurredAt order, ties in stream order. */
export function stateOccurredAsOf<E extends DomainEvent, S>(
  decider: Evolver<E, S>,
  events: readonly RecordedEvent[],
  at: string,
): Replayed<S> {
  const limit = point(at, 'occurredAsOf');
  const occurred = (e: RecordedEvent) => instant(e.metadata.occurredAt, 'occurredAt');
  const chosen = [...events]
    .sort(byRevision)
    .filter((e) => occurred(e) <= limit)
    .sort((a, b) => occurred(a) - occurred(b) || byRevision(a, b));
  return foldEvents(decider, chosen);
}

function foldEvents<E, S>(decider: Evolver<E, S>, ordered: RecordedEvent[]): Replayed<S> {
  const state = ordered.reduce((s, event) => decider.evolve(s, toDomain<E>(event)), decider.initialState);
  return { state, revisions: ordered.map((e) => e.revision) };
}

/** A replay point: a bare date is a local day of the programme calendar, up to its end (libs/calendar). */
function point(text: string, what: string): number {
  const ms = asOfInstant(text);
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not an ISO-8601 instant or date`);
  return ms;
}

/** Milliseconds since the epoch; refuses text that is not an instant rather than comparing NaN. */
function instant(text: string, what: string): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not an ISO-8601 instant`);
  return ms;
}
