// ESLint (typescript-eslint's recommended rules) over the TypeScript and JavaScript; run by
// npm test (npm run lint). Formatting is Prettier's (npm run format); max-len here holds the code
// and the comments to 120 columns and leaves long strings, which read and grep better whole.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'reports/',
      'devmode/web/dist/',
      'devmode/dsp/build/',
      // AssemblyScript: its decorators and types (f32, i32) are not TypeScript's.
      'devmode/dsp/reference/assembly/',
      'fixtures/generated/',
      'examples/rust-plugin/build/',
      'examples/rust-plugin/reports/',
      // A developer's own scratch scripts (git-ignored).
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }], // Playwright's ({}, use) fixtures
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
      // `_name` says "unused on purpose" (a callback's leading arguments).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
);
