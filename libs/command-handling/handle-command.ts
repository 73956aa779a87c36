/**
 * The one load-decide-append of the write side: fold the stream, decide, append with the revision that was
 * folded. A concurrent writer makes the append fail with WrongExpectedRevisionError (409), never a lost
 * write; a stale `ifMatch` fails before deciding (412). A command whose events are already in the stream
 * (same causationId) is answered from them without deciding again: see `alreadyHandled`.
 *
 * When the state is presumed rather than read (./presumed-state.ts: a folded state kept since the last
 * command on the stream, or the initial state of a stream the command starts), the decision is appended at
 * the presumed revision with no read at all: the append's revision check validates the presumption. A
 * presumption that fails (the stream moved, the decision was a refusal or empty, the append was a re-send)
 * costs nothing but time: the command goes again down the reading path, whose conflicts are the real ones.
 */
import { Command, Decider, DomainEvent, fold } from '../domain/shared/decider';
import { EventStore, ExpectedRevision, RecordedEvent } from '../event-store/event-store.port';
import { StreamNotFoundError } from '../event-store/errors';
import { formatPosition } from '../event-store/position';
import { readSealed } from '../personal-data/access-context';
import { asFolded } from './sealed-folds';
import { toAppend } from './to-append';
import { cachedState, keepState } from './folded-states';
import { CommandOutcome, HandleOptions } from './command-outcome';
import { decideOnPresumedState, presumedState } from './presumed-state';

export type { CommandOutcome, HandleOptions } from './command-outcome';

export class StaleRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: bigint,
    readonly actual: bigint,
  ) {
    super(`stream ${stream} is at revision ${actual}, not ${expected}`);
    this.name = 'StaleRevisionError';
  }
}

export interface LoadedStream<S> {
  state: S;
  /** Revision of the last event, or -1n when the stream does not exist. */
  revision: bigint;
  events: RecordedEvent[];
}

export async function loadStream<E extends DomainEvent, S>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState' | 'ignoresPersonalFields'>,
  forCommand = false,
): Promise<LoadedStream<S>> {
  const events = await readForFold(store, stream, decider, forCommand);
  const revision = events.length === 0 ? -1n : events[events.length - 1].revision;
  return { state: fold(decider.evolve, decider.initialState, toDomainEvents<E>(events)), revision, events };
}

/**
 * The stream's events (none when it does not exist). For a command whose decider ignores personal fields they
 * stay sealed: no key look-up, no decryption, and a state kept that holds no personal data. Reads for
 * display (GET, `loadStream` outside a command) always decrypt.
 */
function readForFold(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<never, never, unknown>, 'ignoresPersonalFields'>,
  forCommand: boolean,
  fromRevision?: bigint,
): Promise<RecordedEvent[]> {
  const read = () => store.readStream(stream, fromRevision === undefined ? {} : { fromRevision }).catch(emptyWhenNotFound);
  return forCommand && decider.ignoresPersonalFields ? readSealed(read) : read();
}

/** The store hands events out in their current shape (see libs/event-store/upcasting-event-store.ts). */
function toDomainEvents<E extends DomainEvent>(events: readonly RecordedEvent[]): E[] {
  return events.map((e) => ({ type: e.type, data: e.data }) as unknown as E);
}

export async function handleCommand<C extends Command, E extends DomainEvent, S>(
  store: EventStore,
  stream: string,
  decider: Decider<C, E, S>,
  command: C,
  options: HandleOptions = {},
): Promise<CommandOutcome<S, E>> {
  const presumed = presumedState(store, stream, decider, command, options);
  if (presumed) {
    const outcome = await decideOnPresumedState(store, stream, decider, command, presumed);
    if (outcome) return outcome;
  }
  const loaded = await loadForCommand(store, stream, decider, command.metadata.commandId);
  const previous = alreadyHandled(loaded, command, decider);
  if (previous) return previous;
  if (options.ifMatch !== undefined && options.ifMatch !== loaded.revision) {
    throw new StaleRevisionError(stream, options.ifMatch, loaded.revision);
  }
  const events = decider.decide(command, loaded.state);
  if (events.length === 0) return { state: loaded.state, events, revision: loaded.revision };
  const expectedRevision: ExpectedRevision = loaded.revision === -1n ? 'no_stream' : loaded.revision;
  const result = await store.appendToStream(
    stream,
    events.map((event, index) => toAppend(command, event, index)),
    { expectedRevision },
  );
  const state = events.map((event) => asFolded(decider, event)).reduce(decider.evolve, loaded.state);
  const commands = new Set(loaded.commands).add(command.metadata.commandId);
  keepState(store, decider, stream, { state, revision: result.nextExpectedRevision, commands });
  return { state, events, revision: result.nextExpectedRevision, position: formatPosition(result.position) };
}

/**
 * The stream's state for a command: from a folded state kept since an earlier command, with only the events
 * appended after it read (./folded-states.ts), else the whole stream. A command whose own events are in the
 * stream (a retry) always gets the whole stream: `alreadyHandled` answers from those events.
 */
async function loadForCommand<E extends DomainEvent, S>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState' | 'ignoresPersonalFields'>,
  commandId: string,
): Promise<LoadedStream<S> & { commands: ReadonlySet<string> }> {
  const kept = cachedState<S>(store, decider, stream);
  if (kept && !kept.commands.has(commandId)) {
    const newer = await readForFold(store, stream, decider, true, kept.revision + 1n);
    if (!newer.some((event) => event.metadata.causationId === commandId)) {
      const state = fold(decider.evolve, kept.state, toDomainEvents<E>(newer));
      const revision = newer.length === 0 ? kept.revision : newer[newer.length - 1].revision;
      const commands = new Set([...kept.commands, ...newer.map(causationOf)]);
      keepState(store, decider, stream, { state, revision, commands });
      return { state, revision, events: newer, commands };
    }
  }
  const full = await loadStream(store, stream, decider, true);
  const commands = new Set(full.events.map(causationOf));
  if (full.revision >= 0n) keepState(store, decider, stream, { state: full.state, revision: full.revision, commands });
  return { ...full, commands };
}

const causationOf = (event: RecordedEvent) => String(event.metadata.causationId);

function emptyWhenNotFound(error: unknown): RecordedEvent[] {
  if (error instanceof StreamNotFoundError) return [];
  throw error;
}

/**
 * Store-level idempotency. A command retried with the same id (ids derived from an Idempotency-Key) after
 * its events were appended but before its answer was recorded must not be decided again against the state
 * it already changed: it would be refused, or worse, applied twice. Its events are found by causationId.
 * The If-Match check is skipped too: the revision the client saw was the one before its own command.
 * The answer is the one first given: the state as the command left it, not with what others appended since.
 * (For a decider that ignores personal fields, its events come back as read: those fields sealed.)
 */
function alreadyHandled<C extends Command, E extends DomainEvent, S>(
  loaded: LoadedStream<S>,
  command: Command,
  decider: Decider<C, E, S>,
): CommandOutcome<S, E> | undefined {
  const isOwn = (event: RecordedEvent) => event.metadata.causationId === command.metadata.commandId;
  const own = loaded.events.filter(isOwn);
  if (own.length === 0) return undefined;
  const last = own[own.length - 1];
  const upToLast = loaded.events.filter((event) => event.revision <= last.revision);
  const state = fold(decider.evolve, decider.initialState, toDomainEvents<E>(upToLast));
  return { state, events: toDomainEvents<E>(own), revision: last.revision, position: formatPosition(last.position) };
}

export { toAppend } from './to-append';
