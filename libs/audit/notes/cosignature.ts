/**
 * Witness cosignatures (https://c2sp.org/tlog-cosignature, cosignature/v1): a witness signs
 * "cosignature/v1\ntime <seconds>\n" followed by the checkpoint text, and writes its timestamp (8 bytes,
 * big-endian) and the Ed25519 signature after its key id. A cosignature says: this witness saw this
 * checkpoint at that time, and it extends every checkpoint of the same log it cosigned before.
 */
import { sign, verify } from 'node:crypto';
import { COSIGNATURE_V1, NoteSigner, NoteVerifier } from './note-keys';
import { ParsedNote, signatureLine } from './signed-note';

const cosignedMessage = (text: string, seconds: bigint) => Buffer.from(`cosignature/v1\ntime ${seconds}\n${text}`, 'utf8');

export function cosignatureLine(text: string, witness: NoteSigner, seconds: bigint): string {
  if (witness.type !== COSIGNATURE_V1) throw new RangeError('a witness key is of type cosignature/v1 (0x04)');
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(seconds);
  return signatureLine(witness, Buffer.concat([time, sign(null, cosignedMessage(text, seconds), witness.privateKey)]));
}

/** The names of the given witnesses whose cosignature on the note is valid. */
export function verifiedWitnesses(note: ParsedNote, witnesses: readonly NoteVerifier[]): string[] {
  const valid = new Set<string>();
  for (const signature of note.signatures) {
    const key = witnesses.find((w) => w.type === COSIGNATURE_V1 && w.name === signature.name && w.keyId === signature.keyId);
    if (!key || signature.body.length !== 72) continue;
    const seconds = signature.body.readBigUInt64BE(0);
    if (verify(null, cosignedMessage(note.text, seconds), key.publicKey, signature.body.subarray(8))) valid.add(key.name);
  }
  return [...valid];
}
