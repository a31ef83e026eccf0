// Lint: typescript-eslint's recommended rules, plus the architecture's import
// boundaries, so a context importing another context fails `npm run check`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const CONTEXTS = ['content', 'background', 'popup', 'options', 'private', 'extract'];
/** The page features under src/content. */
const FEATURES = ['highlighter', 'hover-card', 'saved-highlights'];

/** Each context may import only src/shared and src/components, never another context. */
const boundaries = CONTEXTS.map((context) => ({
  files: [`src/${context}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...CONTEXTS.filter((other) => other !== context).map((other) => ({
            group: [`**/${other}/**`, `**/${other}`],
            message: `src/${context} must not import src/${other}: share code through src/shared or src/components.`,
          })),
          ...(context === 'background' ? [] : [{ group: ['idb'], message: 'Only src/background/db opens IndexedDB.' }]),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web-ext-artifacts/**', 'test-results/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...boundaries,
  {
    files: ['src/background/**/*.ts'],
    ignores: ['src/background/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['idb'], message: 'Only src/background/db imports idb.' }, { group: ['**/content/**', '**/popup/**', '**/options/**'], message: 'Contexts import only src/shared.' }] }] },
  },
  {
    files: ['src/content/**/*.{ts,tsx}'],
    ignores: ['src/content/dom/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['idb'], message: 'A content script never opens IndexedDB.' }, { group: ['**/background/**', '**/popup/**', '**/options/**'], message: 'Contexts import only src/shared.' }] }] },
  },
  // Page features use src/content/dom (the DOM toolkit) and src/shared, never each other, so
  // one feature can be changed or removed without reading the others.
  ...FEATURES.map((feature) => ({
    files: [`src/content/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...FEATURES.filter((other) => other !== feature).map((other) => ({ group: [`**/${other}/**`, `**/${other}`], message: `src/content/${feature} must not import src/content/${other}: share code through src/content/dom.` })),
            { group: ['idb'], message: 'A content script never opens IndexedDB.' },
            { group: ['**/background/**', '**/popup/**', '**/options/**'], message: 'Contexts import only src/shared.' },
          ],
        },
      ],
    },
  })),
  {
    // The stores describe what they hold (db/card-seed-record.ts) without importing the code that computes it.
    files: ['src/background/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/cards/**', '**/cards'], message: 'src/background/db must not import src/background/cards: put the record type in db/.' }] }] },
  },
  {
    // Build, bench and corpus tools read src as modules, never the built dist/.
    files: ['scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/dist/**'], message: 'scripts import src modules, not build output.' }] }] },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/content/**', '**/background/**', '**/popup/**', '**/options/**'], message: 'src/shared never imports a context.' }, { group: ['idb'], message: 'idb belongs to its one context module.' }, { group: ['mark.js'], message: 'mark.js is only the page bench\'s baseline (a devDependency).' }] }] },
  },
);
