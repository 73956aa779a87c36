import { Command, DomainEvent } from '../domain/shared/decider';
import { EventToAppend } from '../event-store/event-store.port';
import { eventIdFor } from './event-ids';

/**
 * A decided event as the store takes it: ids derived from the command id, the command's metadata, the
 * command id as causation. Exported so anything else that writes domain events (the data generator)
 * writes them exactly as the API does.
 */
export function toAppend(command: Command, event: DomainEvent, index: number): EventToAppend {
  const { commandId, actor, authenticatedAs, correlationId, occurredAt, actingAs, traceparent, tracestate } = command.metadata;
  return {
    id: eventIdFor(commandId, index),
    type: event.type,
    data: event.data as EventToAppend['data'],
    metadata: {
      actor,
      ...(authenticatedAs !== undefined && authenticatedAs !== actor && { authenticatedAs }),
      correlationId,
      causationId: commandId,
      occurredAt,
      ...(actingAs && { actingAs }),
      ...(traceparent && { traceparent }),
      ...(tracestate && { tracestate }),
    },
  };
}
