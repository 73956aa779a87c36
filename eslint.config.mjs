// The project's lint rules (flat config): typescript-eslint's recommended set, with the house's own
// exceptions, and the import rule that keeps the floors apart (docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      'apps/web/**',
      'apps/api/src/metadata.ts',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused names are caught; a leading underscore marks one kept on purpose (exhaustive switches).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Where a framework's own signature says so: pg's query() answers any, Nest's throttler tracker takes a
      // Record<string, any>, TypeORM lists entity classes as Function.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Input checks look for NUL and control characters on purpose.
      'no-control-regex': 'off',
      // A timer callback that must be removable names its owner.
      '@typescript-eslint/no-this-alias': 'off',
      // Lazy loading of an ES-module-only package where test workers need not load it (libs/runtime).
      '@typescript-eslint/no-require-imports': 'off',
      // Nest's abstract-class tokens and marker interfaces.
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    // Specs state literals past 2^53 on purpose, to show what a float would lose.
    files: ['**/*.spec.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    files: ['libs/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@apps/*', '**/apps/*'], message: 'libs/ must not import apps/ (docs/architecture.md)' },
            {
              group: ['@projections/*', '**/projections/*'],
              message: 'libs/ must not import projections/: take them as parameters (docs/architecture.md)',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@apps/*'], message: 'no app imports another app (docs/architecture.md)' }] },
      ],
    },
  },
);
