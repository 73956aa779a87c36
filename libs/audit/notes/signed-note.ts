/**
 * C2SP signed notes (https://c2sp.org/signed-note): a text ending in a newline, a blank line, then one
 * line per signature, `— <key name> <base64(key id || signature)>`. A verifier checks the signatures of
 * the keys it knows and ignores the others (a note may carry witnesses' cosignatures beside the log's own).
 */
import { sign, verify } from 'node:crypto';
import { COSIGNATURE_V1, NoteSigner, NoteVerifier } from './note-keys';

export interface NoteSignature {
  name: string;
  keyId: number;
  /** Everything after the key id: the Ed25519 signature, or a cosignature's timestamp and signature. */
  body: Buffer;
}

export interface ParsedNote {
  text: string;
  signatures: NoteSignature[];
}

const DASH = '\u2014';
const MAX_SIGNATURES = 100;

export class MalformedNoteError extends Error {
  override readonly name = 'MalformedNoteError';
}

/** Signs `text` (which must end with a newline) with ordinary Ed25519 signers. */
export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkText(text);
  const lines = signers.map((s) => signatureLine(s, sign(null, Buffer.from(text, 'utf8'), s.privateKey)));
  return `${text}\n${lines.join('')}`;
}

export function signatureLine(signer: { name: string; keyId: number }, body: Buffer): string {
  const id = Buffer.alloc(4);
  id.writeUInt32BE(signer.keyId);
  return `${DASH} ${signer.name} ${Buffer.concat([id, body]).toString('base64')}\n`;
}

export function parseNote(note: string): ParsedNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new MalformedNoteError('a signed note is text, a blank line and signature lines');
  const text = note.slice(0, split + 1);
  checkText(text);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new MalformedNoteError('too many signatures');
  return { text, signatures: lines.map(parseSignatureLine) };
}

function parseSignatureLine(line: string): NoteSignature {
  const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
  const bytes = match ? Buffer.from(match[2], 'base64') : Buffer.alloc(0);
  if (!match || bytes.toString('base64') !== match[2] || bytes.length < 5) throw new MalformedNoteError('malformed signature line');
  return { name: match[1], keyId: bytes.readUInt32BE(0), body: bytes.subarray(4) };
}

function checkText(text: string): void {
  if (!text.endsWith('\n') || text.includes('\r') || /[\p{Cc}]/u.test(text.replace(/\n/g, ''))) {
    throw new MalformedNoteError('note text must end with a newline and hold no control characters');
  }
}

/** The names of the given verifiers (ordinary signatures only) whose signature on the note is valid. */
export function verifiedSigners(note: ParsedNote, verifiers: readonly NoteVerifier[]): string[] {
  const message = Buffer.from(note.text, 'utf8');
  const valid = new Set<string>();
  for (const signature of note.signatures) {
    const key = verifiers.find((v) => v.name === signature.name && v.keyId === signature.keyId && v.type !== COSIGNATURE_V1);
    if (key && signature.body.length === 64 && verify(null, message, key.publicKey, signature.body)) valid.add(key.name);
  }
  return [...valid];
}
