/** What a command handled answers, and how it is asked: shared by handle-command.ts and presumed-state.ts. */

export interface CommandOutcome<S, E> {
  state: S;
  events: E[];
  /** Revision of the stream after the command (unchanged when nothing was appended). */
  revision: bigint;
  /** Global position of the last event appended, as text; undefined when nothing was appended. */
  position?: string;
}

export interface HandleOptions {
  /** The revision the client last saw (If-Match); a different current revision is refused. */
  ifMatch?: bigint;
  /**
   * The command starts its stream (an enrolment under a new id): it is decided against the initial state
   * without reading, and appended expecting no stream. Should the stream exist, it is read and decided again.
   * By default, what the decider's `startedBy` says of the command's type.
   */
  startsStream?: boolean;
}
