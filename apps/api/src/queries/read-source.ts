/**
 * The HTTP side of libs/read-sources for reads of the event log and of read models: `?minPosition=` parsed
 * (a 400 naming it when malformed), the copy chosen, and the answer's headers saying which copy answered
 * (`X-Read-Source`) and the log position it reflects (`X-Log-Position`). A position no copy reflects within
 * the wait is ReadModelBehindError, which the problem filter answers with 503 and Retry-After.
 */
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { comparePositions, formatPosition, parsePosition, Position } from '@libs/event-store';
import { LogSource, ReadSources, Served } from '@libs/read-sources';
import { ProblemException } from '../http/problem';

/** A log position's text form (libs/event-store/position.ts), for the query DTOs' validation. */
export const LOG_POSITION = /^\d{1,19}(\/\d{1,19})?$/;

/** `?minPosition=`: undefined when absent; a 400 naming it when it is not a log position. */
export function minPositionOf(raw: unknown): Position | undefined {
  if (raw === undefined) return undefined;
  const position = typeof raw === 'string' ? parsePosition(raw) : undefined;
  if (!position) throw ProblemException.of(400, 'invalid-parameter', 'minPosition must be a log position, as commands answer it');
  return position;
}

/** The later of two lower bounds (either may be absent). */
export function laterOf(a: Position | undefined, b: Position | undefined): Position | undefined {
  if (!a || !b) return a ?? b;
  return comparePositions(a, b) >= 0 ? a : b;
}

/** The copy of the log to read, its choice (and its head, when read) stated in the answer's headers. */
export async function logSource(sources: ReadSources, minPosition: Position | undefined, response: Response): Promise<LogSource> {
  const source = await sources.forLog(minPosition);
  response.setHeader('X-Read-Source', source.served);
  if (source.head) response.setHeader('X-Log-Position', formatPosition(source.head));
  return source;
}

/**
 * The copy of a read model to read, its choice and checkpoint stated in the answer's headers. The checkpoint
 * is read in `within`, the caller's transaction on the chosen copy, so the header says what the rows reflect.
 */
export async function readModelSource<T>(
  sources: ReadSources,
  readModel: string,
  minPosition: Position | undefined,
  response: Response,
  within: (dataSource: DataSource) => Promise<{ answer: T; position: Position | undefined }>,
): Promise<T> {
  const { dataSource, served } = await sources.forReadModel(readModel, minPosition);
  const { answer, position } = await within(dataSource);
  stateSource(response, served, position);
  return answer;
}

export function stateSource(response: Response, served: Served, position: Position | undefined): void {
  response.setHeader('X-Read-Source', served);
  response.setHeader('X-Log-Position', position ? formatPosition(position) : '');
}
