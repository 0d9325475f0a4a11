// Flat config: the recommended JavaScript and type-aware TypeScript rules, nothing project-specific.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['dist/', 'dist-bench/', 'node_modules/', 'coverage/', 'test-results/', 'tmp/']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: globals.node},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
    },
  },
  // Scripts inlined into generated pages (the HTML report) run in a browser, not in Node.
  {files: ['templates/**/*.js'], languageOptions: {globals: globals.browser}},
  // AssemblyScript's integer literals are exact 64-bit values, not JavaScript numbers.
  {files: ['assembly/**/*.ts'], rules: {'no-loss-of-precision': 'off'}},
)
