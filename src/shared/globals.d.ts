/**
 * Build-time constants, replaced by esbuild's `define`. Unit tests define
 * none: code they load reads a constant behind `typeof` (or a test sets it
 * on `globalThis`).
 */
declare const __BROWSER__: 'chrome' | 'firefox';
declare const __DEV__: boolean;
declare const __VERSION__: string;
/** Content hash of the bundled corpus.json (background only). */
declare const __CORPUS_HASH__: string;
/**
 * True only in the `dist/test-*` builds the e2e tests load, never in a build a
 * reader loads: guards test hooks (open shadow roots, the tab commands'
 * listeners on the background's global scope).
 */
declare const __TEST_HOOKS__: boolean;
