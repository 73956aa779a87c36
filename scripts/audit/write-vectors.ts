/** `npm run audit:vectors`: writes the committed test vectors (libs/audit/vectors/*.json) afresh. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeVectors } from '@libs/audit/vectors/make-vectors';

const folder = join(process.cwd(), 'libs', 'audit', 'vectors');
for (const [file, vectors] of Object.entries(makeVectors())) {
  writeFileSync(join(folder, `${file}.json`), `${JSON.stringify({ vectors }, null, 1)}\n`);
  console.log(`${file}.json: ${vectors.length} vectors (${vectors.filter((v) => v.expect === 'accept').length} valid)`);
}
