/**
 * Copies a whole log from one EventStore to another in global order, keeping every stream revision,
 * event id, type, data and metadata, the original `recordedAt` included, so the hash chain comes out
 * identical. Both adapters stamp `recordedAt` from their clock; the target is opened with a ReplayClock
 * set to the source event's time before each append, so neither adapter needs a special option.
 *
 * Resumable: it starts after the source twin of the target's last event, and every append names the
 * exact expected revision with the original ids, so even an overlap is an idempotent re-send.
 */
import { Clock } from '../../libs/clock';
import { StreamNotFoundError } from '../../libs/event-store/errors';
import { EventStore, EventToAppend, RecordedEvent } from '../../libs/event-store/event-store.port';
import { Position } from '../../libs/event-store/position';

/** A clock that tells the time it was last set to. */
export class ReplayClock implements Clock {
  private current = new Date(0);
  set(iso: string): void {
    this.current = new Date(iso);
  }
  now(): Date {
    return new Date(this.current);
  }
}

export interface CopyTarget {
  store: EventStore;
  clock: ReplayClock;
}

export interface CopyProgress {
  copied: number;
  /** Source position of the last event copied. */
  position: Position;
}

export interface CopyOptions {
  /** Checked between appends: an aborted copy stops cleanly and a later run resumes. */
  signal?: AbortSignal;
  pageSize?: number;
  /** Largest append; EventStoreDB refuses appends over 1 MiB by default. */
  maxEventsPerAppend?: number;
  maxBytesPerAppend?: number;
  onProgress?(progress: CopyProgress): void;
}

export interface CopyResult {
  copied: number;
  /** Source position the run started after ('start' for an empty target). */
  resumedAfter: Position | 'start';
  completed: boolean;
}

export async function copyLog(source: EventStore, target: CopyTarget, options: CopyOptions = {}): Promise<CopyResult> {
  const resumedAfter = await resumePoint(source, target.store);
  let after = resumedAfter;
  let copied = 0;
  for (;;) {
    const page = await source.readAll({ fromPosition: after, maxCount: options.pageSize ?? 1_000 });
    if (page.length === 0) return { copied, resumedAfter, completed: true };
    for (const batch of batches(page, options)) {
      if (options.signal?.aborted) return { copied, resumedAfter, completed: false };
      await append(target, batch);
      copied += batch.length;
      after = batch[batch.length - 1].position;
      options.onProgress?.({ copied, position: after });
    }
  }
}

/** After the source twin of the target's last event; refuses a target that is not a copy of the source. */
export async function resumePoint(source: EventStore, target: EventStore): Promise<Position | 'start'> {
  const [last] = await target.readAll({ direction: 'backwards', maxCount: 1 });
  if (!last) return 'start';
  const [twin] = await source.readStream(last.stream, { fromRevision: last.revision, maxCount: 1 }).catch((error: unknown) => {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  });
  if (twin?.id !== last.id || twin.revision !== last.revision) {
    throw new Error(
      `the target log is not a copy of the source: its last event (stream ${last.stream}, revision ${last.revision}) is not in the source`,
    );
  }
  return twin.position;
}

async function append(target: CopyTarget, batch: readonly RecordedEvent[]): Promise<void> {
  const first = batch[0];
  target.clock.set(first.recordedAt);
  await target.store.appendToStream(first.stream, batch.map(toAppend), {
    expectedRevision: first.revision === 0n ? 'no_stream' : first.revision - 1n,
  });
}

function toAppend(event: RecordedEvent): EventToAppend {
  const { recordedAt: _stampedAgainByTheTarget, ...metadata } = event.metadata;
  return { id: event.id, type: event.type, data: event.data, metadata: metadata as EventToAppend['metadata'] };
}

/** Runs of one stream's consecutive events accepted at the same instant (an original append, mostly). */
export function batches(page: readonly RecordedEvent[], options: CopyOptions = {}): RecordedEvent[][] {
  const maxEvents = options.maxEventsPerAppend ?? 500;
  const maxBytes = options.maxBytesPerAppend ?? 512 * 1024;
  const out: RecordedEvent[][] = [];
  let current: RecordedEvent[] = [];
  let bytes = 0;
  for (const event of page) {
    const size = JSON.stringify([event.data, event.metadata]).length;
    const previous = current[current.length - 1];
    const joins =
      previous &&
      previous.stream === event.stream &&
      previous.recordedAt === event.recordedAt &&
      event.revision === previous.revision + 1n &&
      current.length < maxEvents &&
      bytes + size <= maxBytes;
    if (!joins && current.length > 0) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
