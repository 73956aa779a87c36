/** What every command endpoint takes from the request and gives back in its answer. */
import { Request, Response } from 'express';
import { Clock } from '@libs/clock';
import { CommandOutcome } from '@libs/command-handling/handle-command';
import { CommandMetadata } from '@libs/domain/shared';
import { commandMetadata, newId } from '../http/request-context';
import { ifMatchRevision, setEtag } from '../http/revision';

export interface CommandContext {
  metadata: CommandMetadata;
  /** From `If-Match`; undefined when the client sets no precondition. */
  ifMatch?: bigint;
  /** A server-generated id for what the command creates; stable across retries with one Idempotency-Key. */
  newId(name: string): string;
}

export function commandContext(request: Request, clock: Clock, occurredAt?: string): CommandContext {
  return {
    metadata: commandMetadata(request, clock, occurredAt),
    ifMatch: ifMatchRevision(request),
    newId: (name) => newId(request, name),
  };
}

export interface Written {
  /** Revision of the stream after the command; also sent as the ETag. */
  revision: number;
  /** Global position of the last event appended, as text (positions exceed 2^53). */
  position?: string;
}

/** The answer's common part; sets the ETag to the stream's new revision. */
export function written(response: Response, outcome: CommandOutcome<unknown, unknown>): Written {
  setEtag(response, outcome.revision);
  return { revision: Number(outcome.revision), position: outcome.position };
}
