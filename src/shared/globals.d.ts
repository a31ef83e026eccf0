/** Build-time constants, replaced by esbuild's `define` (and vitest's). */
declare const __BROWSER__: 'chrome' | 'firefox';
declare const __DEV__: boolean;
declare const __VERSION__: string;
/** Content hash of the bundled corpus.json (background only). */
declare const __CORPUS_HASH__: string;
