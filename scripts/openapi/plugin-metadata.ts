/**
 * The Nest Swagger plugin's metadata for the API, generated from the source rather than by a compiler
 * plugin: the build is plain tsc and jest compiles with SWC, neither of which runs Nest's transformers,
 * so @nestjs/cli's PluginMetadataGenerator (the documented way for such builds) writes it to a committed
 * file that the app loads with SwaggerModule.loadPluginMetadata. It reads each DTO's types, optionality
 * and class-validator rules, and each handler's JSDoc (summary) and parameters.
 *
 * `npm run openapi:metadata` rewrites apps/api/src/metadata.ts; plugin-metadata.unit.spec.ts fails when
 * the committed file is not what this would write.
 */
import { join, relative } from 'node:path';
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';

const ROOT = join(__dirname, '../..');
export const SOURCE = join(ROOT, 'apps/api/src');
export const FILENAME = 'metadata.ts';

/** Writes the metadata file into `outputDir` (the API's source folder unless told otherwise). */
export function generatePluginMetadata(outputDir = SOURCE): void {
  new PluginMetadataGenerator().generate({
    visitors: [
      new ReadonlyVisitor({
        pathToSource: SOURCE,
        introspectComments: true,
        classValidatorShim: true,
        dtoFileNameSuffix: ['.dto.ts'],
        controllerFileNameSuffix: ['.controller.ts', '.queries.ts'],
      }),
    ],
    outputDir,
    filename: FILENAME,
    tsconfigPath: relative(process.cwd(), join(ROOT, 'tsconfig.build.json')), // the generator wants it relative
    printDiagnostics: false,
  });
}

if (require.main === module) generatePluginMetadata(process.argv[2]);
