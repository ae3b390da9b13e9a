// ESLint flat config (issue 17): typescript-eslint's recommended rules over every source file.
// Layout is Prettier's job (.prettierrc.json, `npm run format:check`); ESLint checks code, not layout.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.artifacts/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // Unused names are errors, except a leading underscore that marks them intended.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Candor strips and escapes control characters on purpose (terminal output, NUL in Postgres text,
      // hostile model output), so regular expressions that name them are the point, not a slip.
      'no-control-regex': 'off',
    },
  },
  {
    // Plain JavaScript entry points run on Node; TypeScript files get their globals from the compiler.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // Wichura's AS 241 coefficients are kept digit for digit as published, even where a double
    // cannot hold every digit, so the table can be checked against the paper.
    files: ['src/stats/normal-quantile.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
);
