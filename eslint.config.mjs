// ESLint 9 flat config, run by `npm run lint` (with dependency-cruiser for the
// layers and Prettier for the format; see package.json).
//
// Type-aware typescript-eslint over everything tsconfig.json includes
// (client/src, server/src, test, scripts, bench): the recommended rules plus
// the three of STYLE.md point 10. Kept modest on purpose: a finding should be
// worth fixing, not a matter of taste; the formatter owns the layout.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', '.e2e/**', 'bench/.work/**', 'test-artifacts/**', 'node_modules/**', '**/fixtures/**', 'examples/**'],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // STYLE.md 10: a promise is awaited, returned or explicitly voided.
      // node:test's top-level test() / describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] }] }],
      '@typescript-eslint/no-misused-promises': 'error',
      // STYLE.md 10: types are imported as types (they vanish from the bundle, and the reader sees it).
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      // tsc's noUnusedLocals / noUnusedParameters already decide this (with their `_` convention).
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    // Tests read JSON (CLI output, LSP messages, the page's state) as `any` and
    // assert on it: the assertion is the check, so `any` may flow there.
    files: ['**/*.test.ts', 'test/**/*.ts', '**/testSupport.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Plain JavaScript (build scripts, this file): the recommended rules, no types.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: globals.node,
    },
  },
);
