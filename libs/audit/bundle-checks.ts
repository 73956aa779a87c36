/** The independent checks of an export bundle (bundle.ts runs them all and never throws). */
import { createHash, createPublicKey, KeyObject } from 'node:crypto';
import { RecordedEvent } from '../event-store/event-store.port';
import { verifyChain } from '../event-store/hash-chain';
import { comparePositions, parsePosition } from '../event-store/position';
import { BundleManifest } from './bundle-format';
import { openCheckpointNote, noteVerifierKey } from './checkpointing/checkpoint-notes';
import { extensionProblem, signedByOneOf, treeExtensionProblem } from './extension';
import { verifiedWitnesses } from './notes/cosignature';
import { parseVerifierKey } from './notes/note-keys';
import { parseNote } from './notes/signed-note';
import { verifyInclusion } from './merkle';
import { exportPublicKey, keyFingerprint, loadPublicKey, SignedCheckpoint, verifyCheckpoint } from './signing';
import { headEntryHash } from './stream-heads';

export type CheckName =
  'format' | 'chain' | 'chain-head' | 'inclusion' | 'stream-head' | 'signature' | 'key' | 'consistency' | 'witnesses' | 'documents';

export interface BundleCheck {
  name: CheckName;
  ok: boolean;
  detail: string;
}

const pass = (name: CheckName, detail: string): BundleCheck => ({ name, ok: true, detail });
const fail = (name: CheckName, detail: string): BundleCheck => ({ name, ok: false, detail });

export function checkLayout(manifest: BundleManifest, events: RecordedEvent[]): BundleCheck {
  const bad = events.findIndex(
    (e, i) => e.stream !== manifest.stream || e.revision !== BigInt(i) || e.recordedAt !== e.metadata.recordedAt,
  );
  if (bad >= 0) return fail('format', `event line ${bad + 2} is not revision ${bad} of ${manifest.stream} (or its recordedAt disagrees)`);
  // No hash binds a log position: only their order, which the store keeps as the stream's, can be checked here.
  const early = events.findIndex((e, i) => i > 0 && comparePositions(e.position, events[i - 1].position) <= 0);
  if (early >= 0) return fail('format', `event line ${early + 2} is placed in the log before the event it follows`);
  if (manifest.eventCount !== events.length)
    return fail('format', `the manifest counts ${manifest.eventCount} events, the bundle holds ${events.length}`);
  return pass('format', `${events.length} events of one stream, revisions 0..${events.length - 1}`);
}

export function checkChain(manifest: BundleManifest, events: RecordedEvent[]): { check: BundleCheck; firstBadRevision: number | null } {
  const broken = verifyChain(events);
  if (broken === undefined) return { check: pass('chain', `hash chain of ${manifest.stream} intact from genesis`), firstBadRevision: null };
  return { check: fail('chain', `chain breaks at revision ${broken.index} (${broken.reason})`), firstBadRevision: broken.index };
}

export function checkHead(manifest: BundleManifest, events: RecordedEvent[]): BundleCheck {
  const last = events[events.length - 1];
  const head = manifest.chainHead ?? {};
  if (head.hash !== last.hash || head.revision !== last.revision.toString())
    return fail('chain-head', 'the manifest names another chain head');
  return pass('chain-head', `chain head is revision ${head.revision}`);
}

export function checkInclusion(manifest: BundleManifest, events: RecordedEvent[]): BundleCheck {
  const last = events[events.length - 1];
  const { inclusion, checkpoint } = manifest;
  if (!inclusion || !checkpoint) return fail('inclusion', 'the manifest lacks the proof or the checkpoint');
  if (inclusion.eventHash !== last.hash) return fail('inclusion', 'the proof is for another event');
  if (inclusion.treeSize !== checkpoint.eventCount) return fail('inclusion', 'the proof is for a tree of another size');
  const covered = typeof checkpoint.position === 'string' ? parsePosition(checkpoint.position) : undefined;
  if (covered === undefined || comparePositions(last.position, covered) > 0)
    return fail('inclusion', 'the checkpoint does not reach the last event');
  if (!verifyInclusion(last.hash, inclusion, checkpoint.merkleRoot)) return fail('inclusion', 'the proof does not lead to the signed root');
  return pass('inclusion', `last event is leaf ${inclusion.leafIndex} of ${checkpoint.eventCount} under the checkpoint's root`);
}

/** The bundle's last event is the head the checkpoint signed for its stream: nothing of it was cut off. */
export function checkStreamHead(manifest: BundleManifest, events: RecordedEvent[]): BundleCheck {
  const last = events[events.length - 1];
  const { streamHead, checkpoint } = manifest;
  if (!checkpoint?.headsRoot) return fail('stream-head', 'the checkpoint commits to no stream heads: a cut-off stream would pass');
  if (!streamHead) return fail('stream-head', "the manifest lacks the proof of the stream's head");
  if (streamHead.treeSize !== checkpoint.streamCount) return fail('stream-head', 'the head proof is for a heads tree of another size');
  if (!verifyInclusion(headEntryHash(last.stream, last.revision, last.hash), streamHead, checkpoint.headsRoot)) {
    return fail(
      'stream-head',
      `revision ${last.revision} is not the head the checkpoint signed for ${last.stream}: later events are missing`,
    );
  }
  return pass('stream-head', `revision ${last.revision} is the stream's head under the checkpoint's heads root`);
}

export function checkKeys(
  manifest: BundleManifest,
  trustedKey?: KeyObject | string,
): { checks: BundleCheck[]; keyId: string | null; key?: KeyObject } {
  // Only the canonical text of the key is accepted, so that no character of it goes unchecked.
  const bundled = readKey(manifest.publicKey);
  if (bundled !== undefined && exportPublicKey(bundled) !== manifest.publicKey) {
    return { checks: [fail('signature', "the bundle's public key is not in canonical base64 SPKI form")], keyId: null };
  }
  const trusted = trustedKey === undefined ? undefined : readKey(trustedKey);
  if (trustedKey !== undefined && trusted === undefined)
    return { checks: [fail('key', 'the trusted public key given cannot be read')], keyId: null };
  const key = trusted ?? bundled;
  if (key === undefined) return { checks: [fail('signature', 'the bundle carries no readable public key')], keyId: null };
  const keyId = keyFingerprint(key);
  const signed = manifest.checkpoint !== undefined && manifest.checkpoint.keyId === keyId && verifyCheckpoint(manifest.checkpoint, key);
  const signature = signed
    ? pass('signature', `checkpoint signed by key ${keyId}`)
    : fail('signature', 'the checkpoint signature does not verify');
  const keyCheck =
    trusted === undefined
      ? pass('key', `not pinned: compare key ${keyId} with the published /audit/public-key`)
      : bundled !== undefined && keyFingerprint(bundled) === keyId
        ? pass('key', 'the bundle key is the trusted key')
        : fail('key', 'the bundle carries a key other than the trusted one');
  return { checks: [signature, keyCheck], keyId, key };
}

/** With a checkpoint the auditor trusted before (JSON, or its signed note): the bundle's checkpoint must extend it. */
export function checkExtends(manifest: BundleManifest, trustedInput: SignedCheckpoint | string, keys: readonly KeyObject[]): BundleCheck {
  const trusted = typeof trustedInput === 'string' ? noteTree(trustedInput, keys) : trustedInput;
  if (typeof trusted === 'string') return fail('consistency', trusted);
  const carried = manifest.extends;
  const same = carried?.checkpoint?.eventCount === trusted.eventCount && carried.checkpoint.merkleRoot === trusted.merkleRoot;
  const proof = same ? carried.proof : undefined;
  const problem =
    typeof trustedInput === 'string'
      ? signedByOneOf(manifest.checkpoint, keys)
        ? treeExtensionProblem(trusted, manifest.checkpoint, proof)
        : "the checkpoint's signature does not verify under a trusted key"
      : extensionProblem(trustedInput, manifest.checkpoint, proof, keys);
  if (problem) return fail('consistency', problem);
  return pass('consistency', `the checkpoint of ${manifest.checkpoint.eventCount} events extends the trusted one of ${trusted.eventCount}`);
}

/** The checkpoint's note is the log's, of the same tree, and at least `required` of the witnesses cosigned it. */
export function checkWitnesses(
  checkpoint: SignedCheckpoint | undefined,
  note: string | undefined,
  key: KeyObject | undefined,
  witnesses: { keys: readonly string[]; required: number },
): BundleCheck {
  if (!note || !checkpoint || !key) return fail('witnesses', 'no checkpoint note to count cosignatures on');
  const tree = noteTree(note, [key]);
  if (typeof tree === 'string') return fail('witnesses', tree);
  if (tree.eventCount !== checkpoint.eventCount || tree.merkleRoot !== checkpoint.merkleRoot)
    return fail('witnesses', 'the note is of another tree than the checkpoint');
  let verifiers;
  try {
    verifiers = witnesses.keys.map(parseVerifierKey);
  } catch {
    return fail('witnesses', 'a witness key given cannot be read');
  }
  const valid = verifiedWitnesses(parseNote(note), verifiers);
  const detail = `${valid.length} of the ${verifiers.length} witnesses given cosigned it${valid.length ? ` (${valid.join(', ')})` : ''}; ${witnesses.required} required`;
  return valid.length >= witnesses.required ? pass('witnesses', detail) : fail('witnesses', detail);
}

/** The tree of a trusted checkpoint note signed by one of the keys (under the note's own origin), or why not. */
export function noteTree(note: string, keys: readonly KeyObject[]): { eventCount: number; merkleRoot: string } | string {
  try {
    const origin = note.slice(0, note.indexOf('\n'));
    const { head } = openCheckpointNote(
      note,
      keys.map((key) => parseVerifierKey(noteVerifierKey(origin, key))),
    );
    return { eventCount: head.size, merkleRoot: head.rootHash };
  } catch (error) {
    return `the trusted checkpoint note cannot be used: ${error instanceof Error ? error.message : 'unreadable'}`;
  }
}

export function readKey(key: KeyObject | string | undefined): KeyObject | undefined {
  if (key === undefined) return undefined;
  if (key instanceof KeyObject) return key.type === 'private' ? createPublicKey(key) : key;
  if (typeof key !== 'string') return undefined;
  try {
    return loadPublicKey(key);
  } catch {
    return undefined;
  }
}

/** The events that record a generated document's hashes: a district's bulletin (v2 on) and the city's. */
const DOCUMENT_EVENTS = new Set(['BulletinIssued', 'CityBulletinIssued']);

/** The document hashes the stream's events record: each bulletin event records its pack's PDF and Excel. */
export function recordedDocumentHashes(events: readonly RecordedEvent[]): string[] {
  return events.flatMap((e) => {
    const document = DOCUMENT_EVENTS.has(e.type) ? (e.data.document as { pdfSha256?: unknown; xlsxSha256?: unknown } | null) : null;
    return document ? [document.pdfSha256, document.xlsxSha256].filter((h): h is string => typeof h === 'string') : [];
  });
}

/** Every document an event records is in the bundle, and hashes to what the event recorded. */
export function checkDocuments(manifest: BundleManifest, events: readonly RecordedEvent[]): BundleCheck {
  const carried = new Map((manifest.documents ?? []).map((d) => [d.sha256, d]));
  const recorded = recordedDocumentHashes(events);
  for (const hash of recorded) {
    const document = carried.get(hash);
    if (!document) return fail('documents', `the bundle lacks the document ${hash} an event records`);
    const actual = createHash('sha256').update(Buffer.from(document.base64, 'base64')).digest('hex');
    if (actual !== hash) return fail('documents', `the document carried as ${hash} hashes to ${actual}`);
  }
  return pass('documents', `${recorded.length} documents hash to what their events recorded`);
}
