/**
 * A case's export bundle, and its offline verification: no database, no network, only the bundle and
 * (optionally) the public key the auditor trusts. Three independent checks:
 *  1. chain: every event's hash recomputes from its content and its predecessor's hash (from genesis);
 *  2. inclusion: the chain head is a leaf of the Merkle tree whose root the checkpoint states;
 *  3. signature: the checkpoint was signed by the key, and that key is the one the auditor expects.
 * Together: no event of the stream can change, vanish or move without the signed root noticing.
 * Not covered: event ids and global positions are outside the hashed content (see hash-chain.ts).
 */
import { createPublicKey, KeyObject } from 'node:crypto';
import { RecordedEvent } from '../event-store/event-store.port';
import { verifyChain } from '../event-store/hash-chain';
import { comparePositions, parsePosition } from '../event-store/position';
import { BundleFormatError, BundleManifest, BUNDLE_FORMAT, eventLine, manifestLine, parseBundle } from './bundle-format';
import { InclusionProof, verifyInclusion } from './merkle';
import { exportPublicKey, keyFingerprint, loadPublicKey, SignedCheckpoint, verifyCheckpoint } from './signing';

export { BUNDLE_FORMAT, BundleFormatError } from './bundle-format';
export type { BundleManifest } from './bundle-format';

export interface BundleInput {
  /** The whole stream, revision 0 onwards. */
  events: readonly RecordedEvent[];
  /** A checkpoint whose tree includes the stream's last event. */
  checkpoint: SignedCheckpoint;
  /** Inclusion proof of the last event's hash in that checkpoint's tree. */
  proof: InclusionProof;
  publicKey: KeyObject | string;
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
    publicKey: exportPublicKey(key),
  };
  return [manifestLine(manifest), ...events.map(eventLine)].join('\n') + '\n';
}

export type CheckName = 'format' | 'chain' | 'chain-head' | 'inclusion' | 'signature' | 'key';

export interface BundleCheck {
  name: CheckName;
  ok: boolean;
  detail: string;
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
}

/** Never throws on a bad bundle: whatever cannot be read or checked is a failed check. */
export function verifyBundle(text: string, options: VerifyOptions = {}): BundleVerdict {
  try {
    return verifyParsed(parseBundle(text), options);
  } catch (error) {
    const detail = error instanceof BundleFormatError ? error.message : 'unreadable bundle';
    return { ok: false, stream: null, events: 0, firstBadRevision: null, keyId: null, checks: [{ name: 'format', ok: false, detail }] };
  }
}

function verifyParsed({ manifest, events }: ReturnType<typeof parseBundle>, options: VerifyOptions): BundleVerdict {
  const chain = checkChain(manifest, events);
  const keys = checkKeys(manifest, options);
  const checks = [checkLayout(manifest, events), chain.check, checkHead(manifest, events), checkInclusion(manifest, events), ...keys.checks];
  return {
    ok: checks.every((c) => c.ok),
    stream: typeof manifest.stream === 'string' ? manifest.stream : null,
    events: events.length,
    firstBadRevision: chain.firstBadRevision,
    keyId: keys.keyId,
    checks,
  };
}

const pass = (name: CheckName, detail: string): BundleCheck => ({ name, ok: true, detail });
const fail = (name: CheckName, detail: string): BundleCheck => ({ name, ok: false, detail });

function checkLayout(manifest: BundleManifest, events: RecordedEvent[]): BundleCheck {
  const bad = events.findIndex(
    (e, i) => e.stream !== manifest.stream || e.revision !== BigInt(i) || e.recordedAt !== e.metadata.recordedAt,
  );
  if (bad >= 0) return fail('format', `event line ${bad + 2} is not revision ${bad} of ${manifest.stream} (or its recordedAt disagrees)`);
  if (manifest.eventCount !== events.length) return fail('format', `the manifest counts ${manifest.eventCount} events, the bundle holds ${events.length}`);
  return pass('format', `${events.length} events of one stream, revisions 0..${events.length - 1}`);
}

function checkChain(manifest: BundleManifest, events: RecordedEvent[]): { check: BundleCheck; firstBadRevision: number | null } {
  const broken = verifyChain(events);
  if (broken === undefined) return { check: pass('chain', `hash chain of ${manifest.stream} intact from genesis`), firstBadRevision: null };
  return { check: fail('chain', `chain breaks at revision ${broken.index} (${broken.reason})`), firstBadRevision: broken.index };
}

function checkHead(manifest: BundleManifest, events: RecordedEvent[]): BundleCheck {
  const last = events[events.length - 1];
  const head = manifest.chainHead ?? {};
  if (head.hash !== last.hash || head.revision !== last.revision.toString()) return fail('chain-head', 'the manifest names another chain head');
  return pass('chain-head', `chain head is revision ${head.revision}`);
}

function checkInclusion(manifest: BundleManifest, events: RecordedEvent[]): BundleCheck {
  const last = events[events.length - 1];
  const { inclusion, checkpoint } = manifest;
  if (!inclusion || !checkpoint) return fail('inclusion', 'the manifest lacks the proof or the checkpoint');
  if (inclusion.eventHash !== last.hash) return fail('inclusion', 'the proof is for another event');
  if (inclusion.treeSize !== checkpoint.eventCount) return fail('inclusion', 'the proof is for a tree of another size');
  const covered = typeof checkpoint.position === 'string' ? parsePosition(checkpoint.position) : undefined;
  if (covered === undefined || comparePositions(last.position, covered) > 0) return fail('inclusion', 'the checkpoint does not reach the last event');
  if (!verifyInclusion(last.hash, inclusion, checkpoint.merkleRoot)) return fail('inclusion', 'the proof does not lead to the signed root');
  return pass('inclusion', `last event is leaf ${inclusion.leafIndex} of ${checkpoint.eventCount} under the checkpoint's root`);
}

function checkKeys(manifest: BundleManifest, options: VerifyOptions): { checks: BundleCheck[]; keyId: string | null } {
  // Only the canonical text of the key is accepted, so that no character of it goes unchecked.
  const bundled = readKey(manifest.publicKey);
  if (bundled !== undefined && exportPublicKey(bundled) !== manifest.publicKey) {
    return { checks: [fail('signature', 'the bundle\'s public key is not in canonical base64 SPKI form')], keyId: null };
  }
  const trusted = options.trustedPublicKey === undefined ? undefined : readKey(options.trustedPublicKey);
  if (options.trustedPublicKey !== undefined && trusted === undefined) {
    return { checks: [fail('key', 'the trusted public key given cannot be read')], keyId: null };
  }
  const key = trusted ?? bundled;
  if (key === undefined) return { checks: [fail('signature', 'the bundle carries no readable public key')], keyId: null };
  const keyId = keyFingerprint(key);
  const signed = manifest.checkpoint !== undefined && manifest.checkpoint.keyId === keyId && verifyCheckpoint(manifest.checkpoint, key);
  const signature = signed ? pass('signature', `checkpoint signed by key ${keyId}`) : fail('signature', 'the checkpoint signature does not verify');
  const keyCheck =
    trusted === undefined
      ? pass('key', `not pinned: compare key ${keyId} with the published /audit/public-key`)
      : bundled !== undefined && keyFingerprint(bundled) === keyId
        ? pass('key', 'the bundle key is the trusted key')
        : fail('key', 'the bundle carries a key other than the trusted one');
  return { checks: [signature, keyCheck], keyId };
}

function readKey(key: KeyObject | string | undefined): KeyObject | undefined {
  if (key === undefined) return undefined;
  if (key instanceof KeyObject) return key.type === 'private' ? createPublicKey(key) : key;
  if (typeof key !== 'string') return undefined;
  try {
    return loadPublicKey(key);
  } catch {
    return undefined;
  }
}
