/**
 * Deciding without a store: each stream's state folded in memory, each command decided by the stream's
 * real decider, the events turned into appends exactly as the command path does (event ids from the
 * command id, metadata from the command). The bulk loader uses it; so do the figures' checks.
 */
import { eventIdFor } from '../command-handling/event-ids';
import { Command, DomainEvent } from '../domain/shared/decider';
import { DomainError } from '../domain/shared/domain-error';
import { EventToAppend } from '../event-store/event-store.port';
import { CampaignItem } from './items';
import { deciderFor } from './streams';

export interface PendingStream {
  state: unknown;
  /** Events decided and not yet taken by `drain`. */
  pending: EventToAppend[];
  /** Revision of the last event already taken (-1 when none). */
  takenRevision: bigint;
}

export class InMemoryDecisions {
  readonly streams = new Map<string, PendingStream>();

  /** Decides one command against its stream's state; a rule broken is thrown with the stream named. */
  decide(item: CampaignItem): EventToAppend[] {
    const decider = deciderFor(item.stream);
    let stream = this.streams.get(item.stream);
    if (!stream) this.streams.set(item.stream, (stream = { state: decider.initialState, pending: [], takenRevision: -1n }));
    let events: DomainEvent[];
    try {
      events = decider.decide(item.command as Command, stream.state);
    } catch (error) {
      // Named by the rule's code, not its message: the command carries (synthetic) personal data.
      const reason = error instanceof DomainError ? `rule ${error.code}` : (error as Error).message;
      throw new Error(`generated ${item.command.type} refused on ${item.stream}: ${reason}`);
    }
    stream.state = events.reduce(decider.evolve, stream.state);
    const appends = events.map((event, index) => toAppend(item.command, event, index));
    stream.pending.push(...appends);
    return appends;
  }

  /** Takes every stream's pending events, with the revision each append expects. */
  *drain(): Generator<{ stream: string; events: EventToAppend[]; expectedRevision: bigint | 'no_stream' }> {
    for (const [name, stream] of this.streams) {
      if (stream.pending.length === 0) continue;
      const events = stream.pending;
      const expectedRevision = stream.takenRevision === -1n ? ('no_stream' as const) : stream.takenRevision;
      stream.pending = [];
      stream.takenRevision += BigInt(events.length);
      yield { stream: name, events, expectedRevision };
    }
  }
}

/** The same mapping as libs/command-handling/handle-command.ts (private there). */
export function toAppend(command: Command, event: DomainEvent, index: number): EventToAppend {
  const { commandId, actor, correlationId, occurredAt } = command.metadata;
  return {
    id: eventIdFor(commandId, index),
    type: event.type,
    data: event.data as EventToAppend['data'],
    metadata: { actor, correlationId, causationId: commandId, occurredAt },
  };
}
