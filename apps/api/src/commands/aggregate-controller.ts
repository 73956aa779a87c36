/**
 * What a controller of one aggregate's commands and reads shares: the command bus its endpoints send the
 * aggregate's one message on, the clock their metadata is stamped with, and reading the stream back.
 * Nest injects a subclass without a constructor of its own through this one.
 */
import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import { Clock, CLOCK } from '@libs/clock';
import { loadStream } from '@libs/command-handling/handle-command';
import { Decider } from '@libs/domain/shared';
import { EVENT_STORE, EventStore, StreamNotFoundError } from '@libs/event-store';
import { setEtag } from '../http/revision';

export abstract class AggregateController {
  constructor(
    protected readonly commands: CommandBus,
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    @Inject(CLOCK) protected readonly clock: Clock,
  ) {}

  /**
   * The stream folded now, its revision sent as the ETag; 404 (no ETag) when `exists` says the state is
   * the aggregate's before its first event.
   */
  protected async readBack<S, Found extends S = S>(
    stream: string,
    decider: Pick<Decider<never, never, S>, 'evolve' | 'initialState'>,
    response: Response,
    exists: (state: S) => state is Found = (_state): _state is Found => true,
  ): Promise<{ state: Found; revision: number }> {
    const { state, revision } = await loadStream(this.store, stream, decider);
    if (!exists(state)) throw new StreamNotFoundError(stream);
    setEtag(response, revision);
    return { state, revision: Number(revision) };
  }
}
