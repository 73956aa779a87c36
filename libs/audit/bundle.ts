/**
 * A stream's export bundle, and its offline verification: no database, no network, only the bundle and
 * (optionally) the public key and the last checkpoint the auditor trusts. Independent checks:
 *  1. chain: every event's hash recomputes from its content and its predecessor's hash (from genesis);
 *  2. inclusion: the chain head is a leaf of the Merkle tree whose root the checkpoint states;
 *  3. stream head: the chain head is the head the checkpoint signed for the stream (nothing cut off);
 *  4. signature: the checkpoint was signed by the key, and that key is the one the auditor expects;
 *  5. consistency (with a trusted checkpoint): the bundle's checkpoint extends the one trusted before;
 *  6. witnesses (when required): enough of the given witnesses cosigned the checkpoint's note.
 * Together: no event of the stream can change, vanish or move without the signed roots noticing.
 */
import { KeyObject } from 'node:crypto';
import { RecordedEvent } from '../event-store/event-store.port';
import {
  BundleCheck,
  checkChain,
  checkWitnesses,
  checkExtends,
  checkHead,
  checkInclusion,
  checkKeys,
  checkLayout,
  checkStreamHead,
  CheckName,
  checkDocuments,
  recordedDocumentHashes,
} from './bundle-checks';
import { BundleDocument, BundleFormatError, BundleManifest, BUNDLE_FORMAT, eventLine, manifestLine, parseBundle } from './bundle-format';
import { ConsistencyProof } from './consistency';
import { InclusionProof, verifyInclusion } from './merkle';
import { exportPublicKey, loadPublicKey, SignedCheckpoint } from './signing';

export { BUNDLE_FORMAT, BundleFormatError } from './bundle-format';
export type { BundleDocument, BundleManifest } from './bundle-format';
export { recordedDocumentHashes } from './bundle-checks';
export type { BundleCheck, CheckName } from './bundle-checks';

export interface BundleInput {
  /** The whole stream, revision 0 onwards. */
  events: readonly RecordedEvent[];
  /** A checkpoint whose tree includes the stream's last event. */
  checkpoint: SignedCheckpoint;
  /** Inclusion proof of the last event's hash in that checkpoint's tree. */
  proof: InclusionProof;
  /** Inclusion proof of the stream's head entry under the checkpoint's heads root. */
  headProof?: InclusionProof;
  /** The checkpoint the auditor trusted before, and the consistency proof from it. */
  extends?: { checkpoint: SignedCheckpoint; proof?: ConsistencyProof };
  /** The checkpoint's signed note, with whatever cosignatures it has. */
  note?: string;
  publicKey: KeyObject | string;
  /** The documents the events record hashes of (bulletin packs); checked by the `documents` check. */
  documents?: BundleDocument[];
}

export function buildBundle(input: BundleInput): string {
  const events = [...input.events].sort((a, b) => (a.revision < b.revision ? -1 : 1));
  const last = events[events.length - 1];
  if (last === undefined) throw new RangeError('a bundle needs at least one event');
  if (!verifyInclusion(last.hash, input.proof, input.checkpoint.merkleRoot) || input.proof.treeSize !== input.checkpoint.eventCount) {
    throw new RangeError('the proof does not place the last event in the checkpoint');
  }
  const key = typeof input.publicKey === 'string' ? loadPublicKey(input.publicKey) : input.publicKey;
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    stream: last.stream,
    eventCount: events.length,
    chainHead: { revision: last.revision.toString(), hash: last.hash },
    checkpoint: input.checkpoint,
    inclusion: { eventHash: last.hash, ...input.proof },
    ...(input.headProof && { streamHead: input.headProof }),
    ...(input.extends && { extends: input.extends }),
    ...(input.note && { note: input.note }),
    publicKey: exportPublicKey(key),
    ...(input.documents?.length && { documents: input.documents }),
  };
  return [manifestLine(manifest), ...events.map(eventLine)].join('\n') + '\n';
}

export interface BundleVerdict {
  ok: boolean;
  stream: string | null;
  events: number;
  /** Revision of the first event whose chain link fails, if any. */
  firstBadRevision: number | null;
  /** Fingerprint of the key the checkpoint was checked against. */
  keyId: string | null;
  checks: BundleCheck[];
}

export interface VerifyOptions {
  /** The key the auditor trusts (e.g. fetched from /audit/public-key); without it, the bundle's own key is used. */
  trustedPublicKey?: KeyObject | string;
  /** A checkpoint the auditor trusted before (JSON, or its signed note's text): the bundle's must extend it. */
  trustedCheckpoint?: SignedCheckpoint | string;
  /** Witnesses' verifier keys, and how many of them must have cosigned the bundle's checkpoint. */
  witnesses?: { keys: readonly string[]; required: number };
}

/** Never throws on a bad bundle: whatever cannot be read or checked is a failed check. */
export function verifyBundle(text: string, options: VerifyOptions = {}): BundleVerdict {
  try {
    return verifyParsed(parseBundle(text), options);
  } catch (error) {
    const detail = error instanceof BundleFormatError ? error.message : 'unreadable bundle';
    return {
      ok: false,
      stream: null,
      events: 0,
      firstBadRevision: null,
      keyId: null,
      checks: [{ name: 'format' as CheckName, ok: false, detail }],
    };
  }
}

function verifyParsed({ manifest, events }: ReturnType<typeof parseBundle>, options: VerifyOptions): BundleVerdict {
  const chain = checkChain(manifest, events);
  const keys = checkKeys(manifest, options.trustedPublicKey);
  const checks = [
    checkLayout(manifest, events),
    chain.check,
    checkHead(manifest, events),
    checkInclusion(manifest, events),
    checkStreamHead(manifest, events),
    ...keys.checks,
  ];
  if (options.trustedCheckpoint) checks.push(checkExtends(manifest, options.trustedCheckpoint, keys.key ? [keys.key] : []));
  if (options.witnesses) checks.push(checkWitnesses(manifest.checkpoint, manifest.note, keys.key, options.witnesses));
  // Only bundles with documents to vouch for carry the check: other streams' verdicts stay as they were.
  if (manifest.documents || recordedDocumentHashes(events).length > 0) checks.push(checkDocuments(manifest, events));
  return {
    ok: checks.every((c) => c.ok),
    stream: typeof manifest.stream === 'string' ? manifest.stream : null,
    events: events.length,
    firstBadRevision: chain.firstBadRevision,
    keyId: keys.keyId,
    checks,
  };
}
