/** Builds RecordedEvents with a genuine hash chain, as the store would, for the audit specs. */
import { RecordedEvent } from '../event-store/event-store.port';
import { chainHashV2, contentHash, GENESIS_HASH, HASH_VERSION } from '../event-store/hash-chain';
import { position } from '../event-store/position';

export interface EventSpec {
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
  recordedAt: string;
  /** Global position; defaults to 100 + index. */
  at?: bigint;
}

export function recordedStream(stream: string, specs: EventSpec[]): RecordedEvent[] {
  let previousHash = GENESIS_HASH;
  return specs.map((spec, index) => {
    const metadata = {
      actor: 'sup-wang',
      correlationId: 'k-1',
      causationId: `c-${index}`,
      occurredAt: spec.occurredAt,
      recordedAt: spec.recordedAt,
      hashVersion: HASH_VERSION,
    };
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    const hash = chainHashV2(previousHash, index, contentHash({ type: spec.type, data: spec.data, metadata, stream, id }));
    const event: RecordedEvent = {
      id,
      stream,
      revision: BigInt(index),
      position: position(spec.at ?? BigInt(100 + index)),
      type: spec.type,
      data: spec.data,
      metadata,
      recordedAt: spec.recordedAt,
      previousHash,
      hash,
    };
    previousHash = hash;
    return event;
  });
}
