/** Typed failures of the EventStore port; adapters translate their backend's errors into these. */

export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream's actual revision differs from what the append expected. `actual` is -1n for no stream. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'wrong-expected-revision';
  constructor(
    readonly stream: string,
    readonly expected: 'any' | 'no_stream' | 'stream_exists' | bigint,
    readonly actual: bigint,
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${actual === -1n ? 'no stream' : actual}`);
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'stream-not-found';
  constructor(readonly stream: string) {
    super(`stream ${stream} not found`);
  }
}

/** Some of the event ids were already written, but not as this exact append: refuse rather than guess. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'duplicate-event-id';
  constructor(readonly stream: string) {
    super(`stream ${stream}: event ids already used by another append`);
  }
}

/** The backend could not be reached or did not answer in time; the append may or may not have happened. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'event-store-unavailable';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** The append was refused as malformed (too many events, bad stream name, bad payload). */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'invalid-append';
}
