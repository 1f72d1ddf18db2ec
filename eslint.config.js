// @ts-check
// ESLint flat config for Suishin.
//
// The layer boundaries of DESIGN.md ("Layers") are enforced here as errors:
//   - `no-restricted-imports`  : which modules a layer may import
//   - `no-restricted-globals`  : who may touch `Excel`, `Office`, `OfficeExtension` (and, in the domain, the DOM/Node)
// Flat config does not merge rule options: the last matching object wins for a rule. So every zone below sets
// the *complete* option list for both rules, built from the small `ban*` helpers. Zones go from general to
// specific; keep that order when adding one. tests/lint/layerBoundaries.test.ts proves the rules fire.
//
// To opt a single line out (rarely right; explain why):  // eslint-disable-next-line no-restricted-imports -- reason
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
// Transitive dependency of eslint-plugin-office-addins (hoisted): turns off rules that fight Prettier.
import prettierConfig from 'eslint-config-prettier';

const ALL_CODE = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const why = (text) => `${text} (DESIGN.md layers)`;

// ---------------------------------------------------------------------------------------------------------
// Import bans. Each returns { paths, patterns } fragments for `no-restricted-imports`.
// `paths` match a module name exactly; `patterns` are gitignore-style globs (also match relative paths).

/** @param {string[]} names exact module names; `name/*` sub-paths are banned too */
const banModules = (names, message) => ({
  paths: names.map((name) => ({ name, message })),
  patterns: [{ group: names.map((name) => `${name}/*`), message }],
});
/** @param {string[]} group gitignore-style globs */
const banPatterns = (group, message) => ({ paths: [], patterns: [{ group, message }] });
/** @param {string[]} layers folder names under src/ */
const banLayers = (layers, message) =>
  banPatterns(
    layers.flatMap((layer) => [`**/${layer}`, `**/${layer}/**`]),
    message,
  );

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_') && !name.includes('/'));
const UI_MODULES = ['react', 'react-dom'];

/** @param {...{paths: object[], patterns: object[]}} bans */
const restrictImports = (...bans) => [
  'error',
  { paths: bans.flatMap((b) => b.paths), patterns: bans.flatMap((b) => b.patterns) },
];

// ---------------------------------------------------------------------------------------------------------
// Global bans for `no-restricted-globals`.

const OFFICE_GLOBALS = ['Excel', 'Office', 'OfficeExtension'];
/** @param {string[]} names */
const banGlobals = (names, message) => names.map((name) => ({ name, message }));
const restrictGlobals = (...bans) => ['error', ...bans.flat()];
const OFFICE_ONLY_IN_ADAPTER = 'only src/workbook/officejs may touch Excel/Office/OfficeExtension';

// ---------------------------------------------------------------------------------------------------------
// Zones, general → specific.

const domainImportBans = (msg, { node }) => [
  banModules(['exceljs'], msg('no ExcelJS')),
  banModules(UI_MODULES, msg('no React')),
  banPatterns(['@fluentui/*'], msg('no Fluent UI')),
  banModules(['@microsoft/office-js'], msg('no Office.js')),
  ...(node
    ? [banModules(NODE_BUILTINS, msg('no Node built-ins')), banPatterns(['node:*'], msg('no Node built-ins'))]
    : []),
  banLayers(['workbook', 'app', 'taskpane', 'cli'], msg('no imports from workbook/app/taskpane/cli')),
];
const domainGlobalBans = (msg, { node }) => [
  banGlobals(OFFICE_GLOBALS, msg('no Office globals')),
  banGlobals(['window', 'document', 'localStorage', 'XMLHttpRequest', 'fetch'], msg('no DOM or network')),
  banGlobals(node ? ['process', 'require', 'Buffer'] : ['require'], msg('no Node globals')),
];
const domainMsg = (what) => why(`domain must stay pure: ${what}`);
const domainTestMsg = (what) =>
  why(`domain tests may read fixtures with Node, but otherwise stay pure: ${what}`);

const workbookMsg = (what) => why(`workbook adapters must not depend on upper layers or UI: ${what}`);
const workbookImportBans = [
  banLayers(['app', 'taskpane', 'cli'], workbookMsg('no imports from app/taskpane/cli')),
  banModules(UI_MODULES, workbookMsg('no React')),
  banPatterns(['@fluentui/*'], workbookMsg('no Fluent UI')),
];
const exceljsOnlyInAdapter = banModules(['exceljs'], why('only src/workbook/exceljs may import ExcelJS'));

const appMsg = (what) => why(`app use cases work through WorkbookPort, UI-free: ${what}`);

// Test scaffolding (the Office.js fake, the contract's vitest wrapper) lives under tests/; production code under
// src/ never imports it. A rule of its own, so that it composes with the per-layer import bans above.
const TESTS_IMPORT = String.raw`/(^|\W)tests\W/`;
const noTestScaffolding = {
  name: 'suishin/layers/no tests/ in production code',
  files: ['src/**'],
  ignores: ['src/**/*.test.{ts,tsx}'],
  rules: {
    'no-restricted-syntax': [
      'error',
      ...['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'].map(
        (node) => ({
          selector: `${node} > Literal.source[value=${TESTS_IMPORT}]`,
          message: why('production code under src/ must not import test scaffolding from tests/'),
        }),
      ),
    ],
  },
};

const zones = [
  {
    name: 'suishin/layers/everywhere',
    files: [ALL_CODE],
    rules: {
      'no-restricted-imports': restrictImports(exceljsOnlyInAdapter),
      'no-restricted-globals': restrictGlobals(banGlobals(OFFICE_GLOBALS, why(OFFICE_ONLY_IN_ADAPTER))),
    },
  },
  {
    name: 'suishin/layers/tooling (tests, bench, scripts may use ExcelJS directly)',
    files: ['tests/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    name: 'suishin/layers/domain',
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': restrictImports(...domainImportBans(domainMsg, { node: true })),
      'no-restricted-globals': restrictGlobals(...domainGlobalBans(domainMsg, { node: true })),
    },
  },
  {
    // tsconfig.domain.json excludes these too: tests may read fixture files from disk.
    name: 'suishin/layers/domain tests',
    files: ['src/domain/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrictImports(...domainImportBans(domainTestMsg, { node: false })),
      'no-restricted-globals': restrictGlobals(...domainGlobalBans(domainTestMsg, { node: false })),
    },
  },
  {
    name: 'suishin/layers/workbook',
    files: ['src/workbook/**'],
    rules: {
      'no-restricted-imports': restrictImports(...workbookImportBans, exceljsOnlyInAdapter),
      'no-restricted-globals': restrictGlobals(banGlobals(OFFICE_GLOBALS, why(OFFICE_ONLY_IN_ADAPTER))),
    },
  },
  {
    name: 'suishin/layers/workbook/exceljs (the only ExcelJS importer)',
    files: ['src/workbook/exceljs/**'],
    rules: { 'no-restricted-imports': restrictImports(...workbookImportBans) },
  },
  {
    // tests/officejs/ holds the in-memory Excel that stands in for those globals in tests.
    name: 'suishin/layers/workbook/officejs (the only Excel/Office/OfficeExtension user)',
    files: ['src/workbook/officejs/**', 'tests/officejs/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    name: 'suishin/layers/app',
    files: ['src/app/**'],
    rules: {
      'no-restricted-imports': restrictImports(
        banModules(['exceljs'], appMsg('no ExcelJS')),
        banModules(UI_MODULES, appMsg('no React')),
        banPatterns(['@fluentui/*'], appMsg('no Fluent UI')),
        banLayers(['taskpane', 'cli'], appMsg('no imports from taskpane/cli')),
      ),
    },
  },
  {
    name: 'suishin/layers/taskpane',
    files: ['src/taskpane/**'],
    rules: {
      'no-restricted-imports': restrictImports(
        exceljsOnlyInAdapter,
        banLayers(['cli'], why('taskpane must not import the Node CLI')),
      ),
      'no-restricted-globals': restrictGlobals(
        banGlobals(
          OFFICE_GLOBALS,
          why('taskpane components never call Excel: take data and callbacks as props'),
        ),
      ),
    },
  },
  {
    // The composition root waits for Office.onReady and picks the adapter; Excel.run still lives in officejs/.
    name: 'suishin/layers/taskpane composition root',
    files: ['src/taskpane/index.tsx', 'src/taskpane/main.tsx'],
    rules: {
      'no-restricted-globals': restrictGlobals(
        banGlobals(
          ['Excel', 'OfficeExtension'],
          why('composition root may use Office.onReady only; ' + OFFICE_ONLY_IN_ADAPTER),
        ),
      ),
    },
  },
  {
    name: 'suishin/layers/cli',
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': restrictImports(
        exceljsOnlyInAdapter,
        banModules(UI_MODULES, why('cli is Node-only: no React')),
        banPatterns(['@fluentui/*'], why('cli is Node-only: no Fluent UI')),
        banLayers(['taskpane'], why('cli must not import the task pane')),
      ),
    },
  },
];

// ---------------------------------------------------------------------------------------------------------
// Office.js rules from eslint-plugin-office-addins. Its `configs.recommended` is a flat-config array, but it
// also re-registers its own (older) @typescript-eslint plugin and runs prettier/prettier inside ESLint, so we
// only register the plugin and take its `office-addins/*` rule severities from that config.
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([rule]) => rule.startsWith('office-addins/')),
);
if (Object.keys(officeAddinsRules).length === 0) {
  throw new Error('eslint.config.js: eslint-plugin-office-addins exposes no office-addins/* rules any more');
}

const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextEncoder',
    'TextDecoder',
    'AbortController',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'queueMicrotask',
    'structuredClone',
    'fetch',
    'performance',
    'globalThis',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  {
    name: 'suishin/ignores',
    ignores: [
      'dist/**',
      'out/**',
      'coverage/**',
      'docs/**',
      'bench/results/**',
      'samples/**/*.xlsx',
      '**/node_modules/**',
      '**/*.min.js',
      'playwright-report/**',
      'test-results/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'suishin/base',
    files: [ALL_CODE],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-eval': 'error',
      // Japanese text legitimately contains U+3000 (全角スペース): allow it in comments, strings, templates, JSX.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true, skipJSXText: true },
      ],
    },
  },
  {
    name: 'suishin/node-js-files',
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    name: 'suishin/cjs-files',
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'suishin/office-addins',
    files: [
      'src/workbook/officejs/**/*.{ts,tsx}',
      'src/taskpane/**/*.{ts,tsx}',
      'tests/officejs/**/*.{ts,tsx}',
    ],
    plugins: { 'office-addins': officeAddins },
    rules: {
      ...officeAddinsRules,
      // DESIGN.md: "never sync in a loop"; the composition root uses Office.onReady.
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-office-initialize': 'error',
    },
  },
  zones,
  noTestScaffolding,
  prettierConfig,
);
