/**
 * Deciding without reading. Reading a stream back before every command is a round trip, a decryption and a
 * fold, while the state it finds is most often known already: the one the last command on the stream left
 * (./folded-states.ts), or, for a command that starts its stream, the initial state. The decision is made
 * on that presumed state and appended with its revision as the expected one, so the store's revision check
 * is what validates the presumption, atomically with the write; nothing is written on a presumption that
 * no longer holds.
 *
 * Only a success is taken from a presumed state. A refusal, an empty decision, a revision conflict or a
 * re-send (the command's events were appended before: an outcome lost with its connection, a retry) answers
 * `undefined`, and the caller reads the stream and decides again: the client sees what a reading path says.
 */
import { Command, Decider, DomainEvent } from '../domain/shared/decider';
import { WrongExpectedRevisionError } from '../event-store/errors';
import { AppendResult, EventStore } from '../event-store/event-store.port';
import { formatPosition } from '../event-store/position';
import { FoldedState, cachedState, dropState, keepState } from './folded-states';
import type { CommandOutcome, HandleOptions } from './command-outcome';
import { asFolded } from './sealed-folds';
import { toAppend } from './to-append';

/** The state to decide on without reading, if there is one this command may use. */
export function presumedState<C extends Command, S>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<C, never, S>, 'initialState' | 'startedBy'>,
  command: C,
  options: HandleOptions,
): FoldedState<S> | undefined {
  const kept = cachedState<S>(store, decider, stream);
  // A retried command is answered from its own events, which only a read finds.
  if (kept?.commands.has(command.metadata.commandId)) return undefined;
  const startsStream = options.startsStream ?? decider.startedBy?.includes(command.type);
  const presumed = kept ?? (startsStream ? { state: decider.initialState, revision: -1n, commands: new Set<string>() } : undefined);
  // If-Match is judged against a revision read, unless the presumed one is what it names (the append checks it).
  if (options.ifMatch !== undefined && options.ifMatch !== presumed?.revision) return undefined;
  return presumed;
}

/** The command decided on the presumed state and appended at its revision; undefined when it must be read. */
export async function decideOnPresumedState<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  stream: string,
  decider: Decider<C, E, S>,
  command: C,
  presumed: FoldedState<S>,
): Promise<CommandOutcome<S, E> | undefined> {
  let events: E[];
  try {
    events = decider.decide(command, presumed.state);
  } catch {
    return undefined; // refused on a state that may be out of date: the reading path decides again
  }
  if (events.length === 0) return undefined;
  let result: AppendResult;
  try {
    result = await store.appendToStream(
      stream,
      events.map((event, index) => toAppend(command, event, index)),
      { expectedRevision: presumed.revision === -1n ? 'no_stream' : presumed.revision },
    );
  } catch (error) {
    // The kept state is still true at its revision: the reading path reads only what came after it.
    if (error instanceof WrongExpectedRevisionError) return undefined;
    dropState(store, stream); // whether it was written is unknown: a retry reads the whole stream
    throw error;
  }
  // A re-send answers with the first append's result, but its events may differ from this decision's (a
  // clock-stamped field, say): only a read gives the state and events that were stored. So does an adapter
  // that cannot tell (`resent` absent).
  if (result.resent !== false) return undefined;
  const state = events.map((event) => asFolded(decider, event)).reduce(decider.evolve, presumed.state);
  const commands = new Set(presumed.commands).add(command.metadata.commandId);
  keepState(store, decider, stream, { state, revision: result.nextExpectedRevision, commands });
  return { state, events, revision: result.nextExpectedRevision, position: formatPosition(result.position) };
}
