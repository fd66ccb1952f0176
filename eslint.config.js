// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/*
 * The layers and their walls (README.md, "Layers and their walls"). Each layer of src/ may import only
 * the layers and packages listed for it here; TypeScript holds the same walls for globals with one
 * project per layer (tsconfig.json).
 *
 * Imports are matched as written. A layer's own files import each other with `./` and `../x` paths;
 * another layer is always reached by going up to its folder (`../core`, `../../protocol/…`), so
 * naming the folders of src/ and of the repository is enough to tell where an import leads.
 */

/** The folders an import can lead to: the layers of src/, then the repository's other folders. */
const LAYERS = ['core', 'narrate', 'ai', 'content', 'protocol', 'ui', 'server', 'cli'];
const OUTSIDE_SRC = ['tests', 'bench', 'scripts', 'levels', 'node_modules'];

/** The packages the pure layers may use: they run in browsers, workers and Node alike, and deterministically. */
const PURE_PACKAGES = ['xstate', 'seedrandom', 'zod', 'lz-string', '@noble/hashes'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const anyOf = (names) => names.map(escape).join('|');

/** A relative import that goes up into one of these folders. */
const upInto = (folders) => `^(\\.\\./)+(src/)?(${anyOf(folders)})(/|$)`;
/** A package (a bare specifier, or `node:…`) other than these and their subpaths. */
const packageOtherThan = (allowed) => (allowed.length ? `^(?!\\.|(${anyOf(allowed)})(/|$))` : '^(?!\\.)');
const NODE_BUILTINS = `^(node:|(${anyOf(builtinModules.filter((m) => !m.startsWith('_')))})(/|$))`;

const PHASER = { regex: '^phaser(/|$)', message: 'Only src/ui may import Phaser.' };

/**
 * The import rule of one layer of src/: besides its own files it may import the folders in `may` (layers
 * of src/, or `levels`) and, of packages, only `packages` (any when undefined). `extra` adds patterns.
 */
function wall(layer, { may, packages, extra = [] }) {
  const allowed = [layer, ...may];
  const forbidden = [...LAYERS, ...OUTSIDE_SRC].filter((f) => !allowed.includes(f));
  const names = may.map((f) => (LAYERS.includes(f) ? `src/${f}` : `${f}/`));
  const says = names.length ? `may import only ${names.join(', ')} besides its own files` : 'imports nothing of the project outside it';
  const patterns = [{ regex: upInto(forbidden), message: `src/${layer} ${says}.` }];
  if (packages) {
    patterns.push({
      regex: packageOtherThan(packages),
      message: packages.length ? `src/${layer} may use only these packages: ${packages.join(', ')}.` : `src/${layer} uses no packages.`,
    });
  } else if (layer !== 'ui') patterns.push(PHASER);
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, ...extra] }] },
  };
}

/** The rules, their wording and the computer parties: no browser, no Node, no clock and no unseeded chance. */
const pureCode = {
  files: ['src/core/**/*.ts', 'src/narrate/**/*.ts', 'src/ai/**/*.ts'],
  languageOptions: { globals: { ...globals.es2022 } },
  rules: {
    'no-restricted-globals': [
      'error',
      { name: 'window', message: 'No browser globals in src/core, src/narrate or src/ai.' },
      { name: 'document', message: 'No browser globals in src/core, src/narrate or src/ai.' },
      { name: 'localStorage', message: 'No browser globals in src/core, src/narrate or src/ai.' },
      { name: 'process', message: 'No Node globals in src/core, src/narrate or src/ai.' },
      { name: 'performance', message: 'Time must not enter the rules.' },
    ],
    'no-restricted-properties': [
      'error',
      { object: 'Math', property: 'random', message: 'All randomness goes through seedrandom, with its state in the game state.' },
      { object: 'Date', property: 'now', message: 'Time must not enter the rules: the UI or server sends time events.' },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: "NewExpression[callee.name='Date']", message: 'Time must not enter the rules.' },
      { selector: 'ImportExpression', message: 'The pure layers load nothing lazily: import statically.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.scratch/**', 'tests/e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    ignores: ['src/core/**', 'src/narrate/**', 'src/ai/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // Rules that need the types: every TypeScript file, each in its layer's project (tsconfig.json).
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },

  // Outside src/ (tests, benchmarks, scripts, configuration): anything but Phaser.
  { files: ['**/*.ts', '**/*.js', '**/*.mjs'], ignores: ['src/**'], rules: { 'no-restricted-imports': ['error', { patterns: [PHASER] }] } },

  // The walls between the layers of src/.
  wall('core', { may: [], packages: PURE_PACKAGES }),
  wall('narrate', { may: ['core'], packages: PURE_PACKAGES }),
  wall('ai', { may: ['core', 'narrate'], packages: PURE_PACKAGES }),
  wall('protocol', { may: ['core'], packages: ['zod'] }),
  wall('content', { may: ['core', 'levels'], packages: [] }),
  wall('ui', {
    may: ['core', 'narrate', 'ai', 'content', 'protocol'],
    extra: [{ regex: NODE_BUILTINS, message: 'src/ui runs in the browser: no Node modules.' }],
  }),
  wall('server', { may: ['core', 'narrate', 'ai', 'content', 'protocol'] }),
  wall('cli', { may: ['core', 'narrate', 'ai', 'content', 'protocol', 'server'] }),
  pureCode,
);
