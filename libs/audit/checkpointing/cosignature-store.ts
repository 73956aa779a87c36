/**
 * Witnesses' cosignatures on the service's checkpoints (audit.cosignatures): each checked against the
 * stored note before it is kept, and served appended to the note, so anyone can count them offline.
 */
import { EntityManager } from 'typeorm';
import { verifiedWitnesses } from '../notes/cosignature';
import { COSIGNATURE_V1, NoteKeyError, parseVerifierKey } from '../notes/note-keys';
import { MalformedNoteError, parseNote } from '../notes/signed-note';

type Queryable = Pick<EntityManager, 'query'>;

export class CosignatureRejected extends Error {
  override readonly name = 'CosignatureRejected';
}

/**
 * Keeps a witness's cosignature line for the checkpoint note of `size`, once it verifies under the witness's
 * verifier key over that note's text; a witness's newer cosignature of the same checkpoint replaces its older.
 */
export async function addCosignature(db: Queryable, size: number, note: string, witnessKey: string, line: string): Promise<string> {
  let name: string;
  try {
    const witness = parseVerifierKey(witnessKey);
    if (witness.type !== COSIGNATURE_V1) throw new CosignatureRejected('the witness key is not a cosignature/v1 key');
    const { text } = parseNote(note);
    if (!/^\u2014 \S+ [A-Za-z0-9+/=]+\n$/u.test(line)) throw new CosignatureRejected('a cosignature is one signature line');
    if (verifiedWitnesses(parseNote(`${text}\n${line}`), [witness]).length !== 1)
      throw new CosignatureRejected('the cosignature does not verify over this checkpoint under the witness key');
    name = witness.name;
  } catch (error) {
    if (error instanceof NoteKeyError || error instanceof MalformedNoteError) throw new CosignatureRejected(error.message);
    throw error;
  }
  await db.query(
    `INSERT INTO audit.cosignatures (event_count, witness, line) VALUES ($1, $2, $3)
     ON CONFLICT (event_count, witness) DO UPDATE SET line = excluded.line, received_at = now()`,
    [size, name, line],
  );
  return name;
}

/** The cosignature lines of the checkpoint of `size`, in witness order. */
export async function cosignatureLines(db: Queryable, size: number): Promise<string> {
  const rows: { line: string }[] = await db.query(`SELECT line FROM audit.cosignatures WHERE event_count = $1 ORDER BY witness`, [size]);
  return rows.map((row) => row.line).join('');
}
