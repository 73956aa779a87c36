/** `npm run schemas:generate`: writes the event schemas under libs/event-schemas/schemas (see generate.ts there). */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEventSchemas, schemaFileName, schemaFileText, schemaIndexText } from '../../libs/event-schemas/generate';

const root = join(__dirname, '../../..');
const folder = join(root, 'libs/event-schemas/schemas');
mkdirSync(folder, { recursive: true });
for (const file of readdirSync(folder)) if (file.endsWith('.json') || file === 'index.ts') rmSync(join(folder, file));
const schemas = generateEventSchemas(root);
for (const { type, version, schema } of schemas) writeFileSync(join(folder, schemaFileName(type, version)), schemaFileText(schema));
writeFileSync(join(folder, 'index.ts'), schemaIndexText(schemas));
console.log(`wrote ${schemas.length} event schemas to libs/event-schemas/schemas`);
