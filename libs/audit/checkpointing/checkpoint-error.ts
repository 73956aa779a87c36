export type CheckpointErrorCode = 'log-empty' | 'event-not-in-log' | 'log-disagrees-with-checkpoint' | 'checkpoint-not-found';

/** The log holds no event at the position asked about, or disagrees with what was signed. */
export class CheckpointError extends Error {
  constructor(
    readonly code: CheckpointErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CheckpointError';
  }
}
