/**
 * The committed test vectors: every one accepted or rejected by its verifier as labelled, and the files
 * exactly what the generator makes (so a change of format is a deliberate regeneration, seen in review).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeVectors } from './make-vectors';
import { accepts } from './run-vector';
import { Vector } from './vector';

const files = ['inclusion', 'consistency', 'checkpoints', 'bundles'];
const committed = (file: string): Vector[] => (JSON.parse(readFileSync(join(__dirname, `${file}.json`), 'utf8')) as { vectors: Vector[] }).vectors;

describe('the committed test vectors', () => {
  describe.each(files)('%s.json', (file) => {
    it.each(committed(file).map((v) => [`${v.expect}s ${v.kind}: ${v.name}`, v] as const))('%s', (_, vector) => {
      expect(accepts(vector)).toBe(vector.expect === 'accept');
    });
  });

  it('hold valid and broken vectors of every kind', () => {
    const all = files.flatMap(committed);
    for (const kind of ['inclusion', 'consistency', 'checkpoint-note', 'extension', 'bundle']) {
      expect(all.filter((v) => v.kind === kind).map((v) => v.expect).sort()).toEqual(expect.arrayContaining(['accept', 'reject']));
    }
  });

  it('are what the generator makes (npm run audit:vectors)', () => {
    const made = JSON.parse(JSON.stringify(makeVectors())) as Record<string, Vector[]>;
    for (const file of files) expect(committed(file)).toEqual(made[file]);
  });
});
