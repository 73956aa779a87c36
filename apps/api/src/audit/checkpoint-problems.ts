import { CheckpointError } from '@libs/audit/checkpointing';
import { ProblemException } from '../http/problem';

const STATUS: Record<CheckpointError['code'], number> = {
  'log-empty': 409,
  'event-not-in-log': 409,
  'log-disagrees-with-checkpoint': 409,
  'checkpoint-not-found': 404,
};

/** Checkpoint failures as problems; a log that disagrees with its signed root is evidence, said plainly. */
export function asProblem(error: unknown): never {
  if (error instanceof CheckpointError) throw ProblemException.of(STATUS[error.code], error.code, error.message);
  throw error;
}
