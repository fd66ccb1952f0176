// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Browser, Phaser and Node APIs stay out of the rules and the computer parties: they must run anywhere, identically. */
const pureImports = {
  paths: [{ name: 'phaser', message: 'Only src/ui may import Phaser.' }],
  patterns: [
    {
      group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto', 'url', 'util'],
      message: 'src/core and src/ai must not use Node APIs.',
    },
    {
      group: ['phaser/*', '**/ui/**', '**/cli/**', '**/server/**'],
      message: 'src/core and src/ai must not depend on the UI, the CLI or the server.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.scratch/**', 'tests/e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'phaser', message: 'Only src/ui may import Phaser.' }],
          patterns: [{ group: ['phaser/*'], message: 'Only src/ui may import Phaser.' }],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/ai/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', pureImports],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'No browser globals in src/core or src/ai.' },
        { name: 'document', message: 'No browser globals in src/core or src/ai.' },
        { name: 'localStorage', message: 'No browser globals in src/core or src/ai.' },
        { name: 'process', message: 'No Node globals in src/core or src/ai.' },
        { name: 'performance', message: 'Time must not enter the rules.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'All randomness goes through seedrandom, with its state in the game state.' },
        { object: 'Date', property: 'now', message: 'Time must not enter the rules: the UI or server sends time events.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'Time must not enter the rules.' }],
    },
  },
);
