/**
 * Runs TypeScript entry points without a build: `node -r ./scripts/projections/register.js <file.ts>`.
 * Compiles each .ts file with @swc/core on require (as jest does) and maps the tsconfig path aliases.
 * For the projection scripts and the projector child of the crash test only; the service runs from dist/.
 */
const Module = require('node:module');
const path = require('node:path');
const { addHook } = require('pirates');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const aliases = [
  ['@libs/', 'libs/'],
  ['@projections/', 'projections/'],
  ['@apps/', 'apps/'],
];

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [alias, dir] of aliases) {
    if (request.startsWith(alias)) return resolve.call(this, path.join(root, dir, request.slice(alias.length)), ...rest);
  }
  try {
    return resolve.call(this, request, ...rest);
  } catch (error) {
    // Generated code (the Swagger plugin's metadata) imports siblings as `./x.js`, which exist here as `./x.ts`.
    if (request.startsWith('.') && request.endsWith('.js')) return resolve.call(this, request.slice(0, -3), ...rest);
    throw error;
  }
};

addHook(
  (code, filename) =>
    transformSync(code, {
      filename,
      sourceMaps: 'inline',
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    }).code,
  { exts: ['.ts'], ignoreNodeModules: true },
);
