/**
 * The write side's shape, after Emmett's Decider: plain functions, no Nest, no I/O. Time, ids and the actor
 * arrive with the command, so a decision is reproducible from its inputs alone.
 */

/** Who asked, when, and under which command id; copied into every event's metadata by the command path. */
export interface CommandMetadata {
  /** uuid of the command; becomes each event's causationId and seeds its event ids. */
  commandId: string;
  /** Whom the command is recorded as done by: the token's subject, or the actor an administrator named. */
  actor: string;
  /**
   * The verified subject of the token that sent the command, set only when it differs from `actor` (an
   * administrator acting for someone in `X-Actor`), so that the record says who really typed it. Never
   * taken from anything the client sends. Absent on ordinary commands, whose events therefore do not change.
   */
  authenticatedAs?: string;
  correlationId: string;
  /** ISO-8601 UTC: when the fact happened in the field. */
  occurredAt: string;
  /**
   * The capacity the actor acted in, where the capacity decides the authority (a case is acted on by the
   * district's supervisor, the city office or the unit under it). Recorded on the events, so histories show it.
   */
  actingAs?: { role: string; unitCode?: string };
  /** W3C Trace Context of the request that sent the command, kept on its events for what follows them. */
  traceparent?: string;
  tracestate?: string;
}

/**
 * The person behind a command: the authenticated subject when an administrator named another actor, else
 * the actor. Rules that keep duties apart compare persons, so that naming another actor does not dodge them.
 */
export function personOf(metadata: Pick<CommandMetadata, 'actor' | 'authenticatedAs'>): string {
  return metadata.authenticatedAs ?? metadata.actor;
}

export interface Command<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}

/** A domain event as the decider sees it; the store adds id, metadata, revision and position. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Decider<C extends Command, E extends DomainEvent, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState: S;
  /**
   * True when no decision depends on a personal field of the events folded (the fields
   * libs/domain/event-types.ts names): the command path then folds its streams with those fields sealed,
   * no data key looked up and nothing decrypted, and a state it keeps holds none in the clear. Claimed only
   * with a test that the same history with other personal fields gives the same decisions.
   */
  ignoresPersonalFields?: boolean;
  /**
   * The commands that open a stream: each is refused on any state but the initial one. The command path
   * decides them on the initial state without reading and appends expecting no stream; should the stream
   * exist, that append is refused and the command is read and decided again (libs/command-handling).
   */
  startedBy?: readonly string[];
}

export function fold<E, S>(evolve: (state: S, event: E) => S, initialState: S, events: readonly E[]): S {
  return events.reduce(evolve, initialState);
}
