/**
 * The export bundle's text form: NDJSON, first line `{"manifest": {...}}`, then one line per event of the
 * stream in revision order, each a RecordedEvent with its bigints (revision, position) as decimal strings.
 */
import { JsonObject, RecordedEvent } from '../event-store/event-store.port';
import { ConsistencyProof } from './consistency';
import { InclusionProof, isHexHash } from './merkle';
import { SignedCheckpoint } from './signing';

export const BUNDLE_FORMAT = 'family-ledger-bundle/1';

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  stream: string;
  eventCount: number;
  /** The stream's last event: its revision (decimal string) and hash. */
  chainHead: { revision: string; hash: string };
  checkpoint: SignedCheckpoint;
  /** Proof that the chain head's hash is leaf `leafIndex` of the checkpoint's tree. */
  inclusion: InclusionProof & { eventHash: string };
  /** Proof that the stream's head entry (stream, chain head) is leaf `leafIndex` of the checkpoint's heads tree. */
  streamHead?: InclusionProof;
  /** With `?trusted=<size>`: the checkpoint the auditor trusted before, and the proof the bundle's extends it. */
  extends?: { checkpoint: SignedCheckpoint; proof?: ConsistencyProof };
  /** The checkpoint as its C2SP signed note, with the witnesses' cosignatures the service held at export. */
  note?: string;
  /** Base64 SPKI DER of the Ed25519 key that signed the checkpoint. */
  publicKey: string;
  /** Documents whose SHA-256 an event of the stream records (a bulletin's pack), so the bundle checks them too. */
  documents?: BundleDocument[];
}

/** A document an event records the hash of, carried whole. */
export interface BundleDocument {
  /** Hex SHA-256 of the bytes, as the event recorded it. */
  sha256: string;
  mediaType: string;
  base64: string;
}

export interface ParsedBundle {
  manifest: BundleManifest;
  events: RecordedEvent[];
}

/** A bundle that cannot be read; `line` is 1-based. */
export class BundleFormatError extends Error {
  override readonly name = 'BundleFormatError';
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

export function eventLine(event: RecordedEvent): string {
  const position = { commit: event.position.commit.toString(), prepare: event.position.prepare.toString() };
  const { id, stream, type, data, metadata, recordedAt, previousHash, hash } = event;
  return JSON.stringify({
    id,
    stream,
    revision: event.revision.toString(),
    position,
    type,
    data,
    metadata,
    recordedAt,
    previousHash,
    hash,
  });
}

export function manifestLine(manifest: BundleManifest): string {
  return JSON.stringify({ manifest });
}

export function parseBundle(text: string): ParsedBundle {
  const lines = text.split('\n').filter((line, index, all) => line.length > 0 || index < all.length - 1);
  if (lines.length < 2) throw new BundleFormatError('a bundle holds a manifest line and at least one event line');
  const first = parseJson(lines[0], 1);
  if (!isObject(first) || !isObject(first.manifest)) throw new BundleFormatError('the first line is not a manifest', 1);
  const manifest = first.manifest as unknown as BundleManifest;
  if (manifest.format !== BUNDLE_FORMAT) throw new BundleFormatError(`unknown format; expected ${BUNDLE_FORMAT}`, 1);
  return { manifest, events: lines.slice(1).map((line, i) => parseEvent(parseJson(line, i + 2), i + 2)) };
}

function parseJson(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BundleFormatError('not JSON', number);
  }
}

const DECIMAL = /^(0|[1-9]\d{0,18})$/;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

function decimal(value: unknown, what: string, line: number): bigint {
  if (!isString(value) || !DECIMAL.test(value)) throw new BundleFormatError(`${what} is not a decimal string`, line);
  return BigInt(value);
}

function parseEvent(value: unknown, line: number): RecordedEvent {
  if (!isObject(value)) throw new BundleFormatError('an event line is not an object', line);
  const { id, stream, type, data, metadata, recordedAt, previousHash, hash, position } = value;
  if (![id, stream, type, recordedAt].every(isString)) throw new BundleFormatError('id, stream, type and recordedAt must be strings', line);
  if (!isObject(data) || !isObject(metadata)) throw new BundleFormatError('data and metadata must be objects', line);
  if (!isHexHash(previousHash) || !isHexHash(hash)) throw new BundleFormatError('hashes must be 64 lowercase hex digits', line);
  if (!isObject(position)) throw new BundleFormatError('position must be an object', line);
  return {
    id: id as string,
    stream: stream as string,
    revision: decimal(value.revision, 'revision', line),
    position: { commit: decimal(position.commit, 'position.commit', line), prepare: decimal(position.prepare, 'position.prepare', line) },
    type: type as string,
    data,
    metadata: metadata as RecordedEvent['metadata'],
    recordedAt: recordedAt as string,
    previousHash,
    hash,
  };
}
