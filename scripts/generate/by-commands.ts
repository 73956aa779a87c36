/**
 * The command path: every command through `handleCommand` (decide with the real decider on the stream's
 * state, append with its revision), many streams at once. Commands to one stream are chained so they run in
 * the generator's order; commands to different streams overlap up to `concurrency`, and the appends of
 * those in flight are committed together (CoalescingEventStore), each still checked against its own revision.
 */
import { handleCommand } from '../../libs/command-handling/handle-command';
import { DomainError } from '../../libs/domain/shared/domain-error';
import { CoalescingEventStore } from '../../libs/event-store/coalescing-event-store';
import { EventStore } from '../../libs/event-store/event-store.port';
import { CampaignItem, deciderFor } from '../../libs/generator';

export interface LoadProgress {
  commands: number;
  events: number;
}

/** Told of each command's events as they are written, with the instant the command happened at. */
export type OnWritten = (events: readonly { type: string; data: unknown }[], occurredAt: string) => void;

export interface ByCommandsOptions {
  concurrency: number;
  onProgress?(progress: LoadProgress): void;
  onWritten?: OnWritten;
}

export async function loadByCommands(log: EventStore, items: Iterable<CampaignItem>, options: ByCommandsOptions): Promise<LoadProgress> {
  const store = new CoalescingEventStore(log);
  const done: LoadProgress = { commands: 0, events: 0 };
  const tails = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let failure: Error | undefined;
  for (const item of items) {
    while (inFlight.size >= options.concurrency) await Promise.race(inFlight);
    if (failure) break;
    const run = (tails.get(item.stream) ?? Promise.resolve()).then(async () => {
      if (failure) return;
      const outcome = await handleCommand(store, item.stream, deciderFor(item.stream), item.command);
      done.commands++;
      done.events += outcome.events.length;
      options.onWritten?.(outcome.events, item.command.metadata.occurredAt);
      options.onProgress?.(done);
    });
    const tracked: Promise<void> = run
      .catch((error: Error) => {
        // A broken rule is named by its code, never its message: the command carries personal data.
        const reason = error instanceof DomainError ? `rule ${error.code}` : `${error.name}: ${error.message}`;
        failure ??= new Error(`${item.command.type} on ${item.stream} failed: ${reason}`);
      })
      .finally(() => {
        inFlight.delete(tracked);
        if (tails.get(item.stream) === tracked) tails.delete(item.stream);
      });
    tails.set(item.stream, tracked);
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  if (failure) throw failure;
  return done;
}
