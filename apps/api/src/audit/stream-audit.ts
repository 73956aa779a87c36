/**
 * What the auditor's endpoints compute over one stream: its history with the state after each event, and
 * its verification. Verification reads the RAW stored events (the chain is over what was stored, incl.
 * ciphertext), checks that revisions run 0..n-1 without a gap, recomputes the chain, and checks that the
 * log still hashes to the latest signed checkpoint: a row rewritten with its chain recomputed, or the
 * last event of a stream deleted, leaves the chain intact but not the signed root.
 */
import { buildBundle, BundleDocument, recordedDocumentHashes } from '@libs/audit/bundle';
import { loadDocument } from '@libs/bulletins/document-store';
import { HistoryEntry, replayHistory, Evolver } from '@libs/audit/replay';
import {
  CheckpointError,
  CheckpointWriter,
  cosignatureLines,
  latestSignedCheckpoint,
  storedCheckpointOfSize,
} from '@libs/audit/checkpointing';
import { SignedCheckpoint } from '@libs/audit/signing';
import { caseDecider } from '@libs/domain/accountability-case';
import { householdDecider } from '@libs/domain/household';
import { loanDecider } from '@libs/domain/loan';
import { responsibilityDecider } from '@libs/domain/responsibility';
import { DomainEvent } from '@libs/domain/shared';
import { supervisionDecider } from '@libs/domain/supervision';
import { ChainBreak, EventStore, formatPosition, RecordedEvent, verifyChain } from '@libs/event-store';
import { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

const EVOLVERS: Record<string, Evolver<DomainEvent, unknown>> = {
  case: caseDecider as Evolver<DomainEvent, unknown>,
  supervision: supervisionDecider as Evolver<DomainEvent, unknown>,
  responsibility: responsibilityDecider as Evolver<DomainEvent, unknown>,
  household: householdDecider as Evolver<DomainEvent, unknown>,
  loan: loanDecider as Evolver<DomainEvent, unknown>,
};

export function historyOf(events: RecordedEvent[]) {
  const category = events[0].stream.split('-')[0];
  const evolver = EVOLVERS[category];
  const entries: HistoryEntry<unknown>[] = evolver ? replayHistory(evolver, events) : events.map((event) => ({ event, state: null }));
  return entries.map(({ event, state }) => ({
    revision: Number(event.revision),
    position: formatPosition(event.position),
    eventId: event.id,
    type: event.type,
    data: event.data,
    actor: event.metadata.actor,
    ...authenticatedAsOf(event),
    actingAs: event.metadata.actingAs ?? null,
    reason: typeof event.data.reason === 'string' ? event.data.reason : null,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt,
    causationId: event.metadata.causationId,
    correlationId: event.metadata.correlationId,
    previousHash: event.previousHash,
    hash: event.hash,
    state,
  }));
}

/** Who sent the event's command when it was not its actor (an administrator's X-Actor); nothing otherwise. */
function authenticatedAsOf(event: RecordedEvent): { authenticatedAs?: string } {
  const { authenticatedAs } = event.metadata;
  return typeof authenticatedAs === 'string' ? { authenticatedAs } : {};
}

export interface StreamVerdict {
  ok: boolean;
  stream: string;
  events: number;
  firstBadRevision: number | null;
  reason: 'revision-gap' | ChainBreak['reason'] | null;
  /** The latest signed checkpoint, and whether the log up to it still hashes to its root. */
  checkpoint: { position: string; eventCount: number; signatureValid: boolean; logMatches: boolean } | null;
}

export async function verifyStream(raw: EventStore, writer: CheckpointWriter, db: Queryable, stream: string): Promise<StreamVerdict> {
  const events = await raw.readStream(stream);
  const gap = events.findIndex((event, index) => event.revision !== BigInt(index));
  const broken = gap >= 0 ? { index: gap, reason: 'revision-gap' as const } : verifyChain(events);
  const signed = await latestSignedCheckpoint(db, writer.keyId());
  const checked = signed === undefined ? undefined : await writer.verifyAgainstLog(signed);
  const checkpoint =
    signed && checked
      ? { position: signed.position, eventCount: signed.eventCount, signatureValid: checked.signature, logMatches: checked.root }
      : null;
  return {
    ok: broken === undefined && (checkpoint === null || (checkpoint.signatureValid && checkpoint.logMatches)),
    stream,
    events: events.length,
    firstBadRevision: broken === undefined ? null : broken.index,
    reason: broken?.reason ?? null,
    checkpoint,
  };
}

/**
 * The stream as stored (personal fields stay ciphertext: the chain is over them), the checkpoint of the log
 * as it is (signed now when it has grown), the proofs of its last event and of its stream head, and with
 * `trusted` the consistency proof from that earlier checkpoint, and the documents its events record the
 * hashes of (bulletin packs, from bulletins.documents): `family-ledger verify` checks it offline.
 */
export async function exportStream(
  raw: EventStore,
  writer: CheckpointWriter,
  db: Queryable,
  stream: string,
  trusted?: number,
): Promise<string> {
  let events = await raw.readStream(stream);
  let covering = await writer.prove(stream, events[events.length - 1].position);
  // Appended to between the read and the checkpoint: read again, once, up to the head it signed.
  if (covering.head && covering.head.revision > events[events.length - 1].revision) {
    events = await raw.readStream(stream);
    covering = await writer.prove(stream, events[events.length - 1].position);
  }
  const last = events[events.length - 1];
  if (!covering.head || covering.head.revision !== last.revision || covering.head.hash !== last.hash) {
    throw new CheckpointError(
      'log-disagrees-with-checkpoint',
      "the stream's last event is not the head the checkpoint signed: events were removed or rewritten",
    );
  }
  const extension = trusted === undefined ? undefined : await extensionFrom(writer, db, trusted, covering.checkpoint);
  const stored = await storedCheckpointOfSize(db, covering.checkpoint.eventCount);
  const note = stored?.note ? stored.note + (await cosignatureLines(db, covering.checkpoint.eventCount)) : undefined;
  try {
    const documents = await bundleDocuments(db, events);
    return buildBundle({ events, ...covering, extends: extension, note, publicKey: writer.publicKey(), documents });
  } catch (error) {
    // The proof comes from the log as this process read it; a last event whose stored hash differs now was rewritten since.
    if (error instanceof RangeError)
      throw new CheckpointError('log-disagrees-with-checkpoint', "the stream's last event no longer hashes as it did when checkpointed");
    throw error;
  }
}

/** The documents the stream's events record the hashes of (a supervision stream's bulletin packs), as kept. */
async function bundleDocuments(db: Queryable, events: readonly RecordedEvent[]): Promise<BundleDocument[]> {
  const documents: BundleDocument[] = [];
  for (const hash of recordedDocumentHashes(events)) {
    const kept = await loadDocument(db, hash);
    if (kept) documents.push({ sha256: kept.sha256, mediaType: kept.mediaType, base64: kept.bytes.toString('base64') });
  }
  return documents;
}

async function extensionFrom(writer: CheckpointWriter, db: Queryable, size: number, later: SignedCheckpoint) {
  const stored = await storedCheckpointOfSize(db, size);
  if (!stored) throw new CheckpointError('checkpoint-not-found', `no checkpoint of ${size} events was signed`);
  if (size > later.eventCount)
    throw new CheckpointError('event-not-in-log', `the trusted checkpoint of ${size} events is beyond the export's`);
  const proof = size === later.eventCount ? undefined : await writer.consistencyBetween(stored.checkpoint, later);
  return { checkpoint: stored.checkpoint, proof };
}
