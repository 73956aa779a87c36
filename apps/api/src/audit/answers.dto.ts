/** What the auditor's endpoints answer (described by the Swagger plugin from these types). */
import type { StreamVerdict } from './stream-audit';

/** One event of a stream's history, with the state after it. */
export class HistoryEntryDto {
  revision!: number;
  position!: string;
  eventId!: string;
  type!: string;
  /** The event's data as readable now: personal fields decrypted for an entitled caller, `[erased]` after erasure. */
  data!: object;
  /** Who acted: the token's subject (or an administrator's X-Actor). */
  actor!: string;
  /**
   * Who really sent the command, when it was not `actor`: the verified token subject of an administrator who
   * named another actor in X-Actor (an import, or tooling acting for a field worker). Absent when the actor
   * sent it themselves.
   */
  authenticatedAs?: string;
  /** The capacity the actor acted in on a case (`{ role: 'supervisor' | 'city-office' | 'subject-unit', unitCode? }`); null where none applies. */
  actingAs!: unknown;
  reason!: string | null;
  occurredAt!: string;
  recordedAt!: string;
  causationId?: string;
  correlationId?: string;
  previousHash!: string | null;
  hash!: string;
  /** The aggregate's state after this event; null for streams without a known evolver. */
  state!: unknown;
}

export class StreamHistory {
  stream!: string;
  /** On `GET /cases/{id}/history`. */
  caseId?: string;
  events!: HistoryEntryDto[];
}

export class CheckpointDto {
  /** Global position of the last event covered. */
  position!: string;
  /** Events in the log up to `position`: the Merkle tree's size. */
  eventCount!: number;
  /** Hex RFC 6962 root over those events' hashes, in log order. */
  merkleRoot!: string;
  signedAt!: string;
  /** Base64url Ed25519 signature over the canonical checkpoint. */
  signature!: string;
  /** Hex SHA-256 of the signing key's SPKI DER. */
  keyId!: string;
  /** Hex root of the tree over the streams' heads (docs/audit.md); absent on checkpoints signed before it. */
  headsRoot?: string;
  /** Streams in the heads tree. */
  streamCount?: number;
  /** The checkpoint as a C2SP signed note (tlog-checkpoint), with the witnesses' cosignatures. */
  note?: string;
}

export class ConsistencyAnswer {
  first!: CheckpointDto;
  second!: CheckpointDto;
  /** RFC 9162 consistency proof: `first`, `second` (tree sizes) and `path` (hex node hashes). */
  proof!: object;
}

export class CosignedCheckpoint extends CheckpointDto {
  /** The witness's name, as its verifier key gives it. */
  witness!: string;
}

export class KeyRecordDto {
  keyId!: string;
  publicKey!: string;
  /** C2SP note verifier key. */
  verifierKey!: string;
  /** Tree size of the checkpoint that announced the key; null for the first. */
  announcedBy!: number | null;
  firstCheckpoint!: number | null;
  lastCheckpoint!: number | null;
}

export class KeyHistoryAnswer {
  origin!: string;
  keys!: KeyRecordDto[];
}

export class CheckpointOfVerdict {
  position!: string;
  eventCount!: number;
  signatureValid!: boolean;
  logMatches!: boolean;
}

export class StreamVerdictDto {
  ok!: boolean;
  stream!: string;
  events!: number;
  firstBadRevision!: number | null;
  /** What broke first; null when nothing did. */
  reason!: StreamVerdict['reason'];
  /** The latest signed checkpoint, and whether the log up to it still hashes to its root. */
  checkpoint!: CheckpointOfVerdict | null;
}

export class PublicKeyAnswer {
  algorithm!: 'Ed25519';
  keyId!: string;
  /** Base64url raw public key. */
  publicKey!: string;
  pem!: string;
  /** The log's name in its signed notes. */
  origin!: string;
  /** The same key as a C2SP note verifier key. */
  verifierKey!: string;
}

export class CheckpointVerdict {
  /** Both the signature and the log still match. */
  ok!: boolean;
  checkpoint!: CheckpointDto;
  signatureValid!: boolean;
  /** False when the log up to the checkpoint no longer hashes to its root (a rewrite since signing). */
  logMatches!: boolean;
}

export class AuditTrail {
  /** Log position the read model reflects; null before it has handled anything. */
  position!: string | null;
  /**
   * Events of every audited stream in log order: position, stream, revision, type, district, unit, grounds,
   * actor, reason, times; and `authenticatedAs`, the administrator who sent the command under the actor's
   * name, only on entries where the two differ.
   */
  entries!: object[];
}
