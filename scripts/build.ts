/**
 * `npm run build`: writes `dist/chrome/` and `dist/firefox/` from the one source
 * manifest, plus `dist/demo/` (the demo page `npm start` serves), and the
 * builds the e2e tests load, `dist/test-chrome/` and `dist/test-firefox/`.
 * Each extension directory gets `_locales/` (the interface's messages).
 * `--production` minifies and drops source maps (and writes no test builds).
 *
 * Test hooks (`__TEST_HOOKS__`) are compiled into the `dist/test-*` builds
 * only: the builds a reader loads (`dist/chrome`, `dist/firefox`, the store
 * zips) never carry one, since a hook a test can reach a web page may reach too.
 */
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES } from './build/entries';
import { manifestFor, type Manifest, type TargetBrowser } from './build/manifest';
import { buildCorpus } from './build-corpus';
import { renderDemoPages } from './build/demo-page';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BROWSERS: TargetBrowser[] = ['chrome', 'firefox'];

/** Options of one build. */
export interface BuildOptions {
  production: boolean;
  /** Where `chrome/`, `firefox/` and `demo/` go; `dist/` by default. */
  outRoot?: string;
}

/** One extension build: its browser, its directory under the out root, and whether it carries test hooks. */
interface Variant {
  browser: TargetBrowser;
  dir: string;
  testHooks: boolean;
}

function pageShell(title: string, script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<link rel="stylesheet" href="${script}.css">
</head>
<body>
<div id="app"></div>
<script src="${script}.js"></script>
</body>
</html>
`;
}

/** Builds both browsers' extension directories and the demo page. */
export async function buildAll({ production, outRoot = path.join(ROOT, 'dist') }: BuildOptions): Promise<void> {
  const started = performance.now();
  const source = JSON.parse(await readFile(path.join(ROOT, 'manifest.json'), 'utf8')) as Manifest;
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const corpus = await buildCorpus(ROOT);
  const corpusJson = JSON.stringify(corpus);

  const variants: Variant[] = BROWSERS.flatMap((browser) => [
    { browser, dir: browser, testHooks: false },
    ...(production ? [] : [{ browser, dir: `test-${browser}`, testHooks: true }]),
  ]);
  for (const { browser, dir, testHooks } of variants) {
    const outDir = path.join(outRoot, dir);
    await rm(outDir, { recursive: true, force: true });
    await mkdir(outDir, { recursive: true });
    // The content app is a module, which `import()` needs; the rest are IIFEs (see `build/entries.ts`).
    for (const format of ['iife', 'esm'] as const) {
      const entries = ENTRIES.filter((e) => (e.format ?? 'iife') === format);
      await build({
        entryPoints: entries.map((e) => ({ in: path.join(ROOT, e.in), out: e.out })),
        outdir: outDir,
        bundle: true,
        format,
        target: browser === 'chrome' ? 'chrome120' : 'firefox128',
        minify: production,
        // Folds what `define` makes constant and drops the dead branches, so the code behind
        // `if (__TEST_HOOKS__)` is not even text in a build a reader loads (whitespace and names stay readable).
        minifySyntax: true,
        sourcemap: production ? false : 'linked',
        jsx: 'automatic',
        jsxImportSource: 'preact',
        legalComments: 'none',
        logLevel: 'warning',
        define: {
          __BROWSER__: JSON.stringify(browser),
          __DEV__: JSON.stringify(!production),
          __TEST_HOOKS__: JSON.stringify(testHooks),
          __VERSION__: JSON.stringify(pkg.version),
          __CORPUS_HASH__: JSON.stringify(corpus.hash),
        },
      });
    }
    for (const entry of ENTRIES) {
      if (entry.page) await writeFile(path.join(outDir, `${entry.out}.html`), pageShell(entry.page.title, entry.out));
    }
    await cp(path.join(ROOT, 'assets', 'icons'), path.join(outDir, 'icons'), { recursive: true });
    // The interface's messages, which the browser picks by its UI language (`default_locale` is `en`).
    await cp(path.join(ROOT, '_locales'), path.join(outDir, '_locales'), { recursive: true });
    await writeFile(path.join(outDir, 'corpus.json'), corpusJson);
    const manifest = manifestFor(source, browser, pkg.version);
    // The library's extractor runs with the `activeTab` grant a click on the toolbar button, the menu or the
    // shortcut gives; automation can do none of these, so the test builds hold that grant for the fixture server.
    if (testHooks) manifest.host_permissions = ['http://127.0.0.1/*'];
    await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  }

  const demoDir = path.join(outRoot, 'demo');
  await rm(demoDir, { recursive: true, force: true });
  await mkdir(demoDir, { recursive: true });
  for (const page of renderDemoPages(corpus)) await writeFile(path.join(demoDir, page.file), page.html);

  console.log(`built ${variants.map((v) => v.dir).join(', ')} and demo in ${path.relative(ROOT, outRoot) || '.'} in ${Math.round(performance.now() - started)} ms${production ? ' (production)' : ''}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildAll({ production: process.argv.includes('--production') }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
