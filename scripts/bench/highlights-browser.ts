/**
 * The highlights store figures where they really run: the background of the
 * built Chrome extension (`dist/chrome`) in headless Chromium, over the
 * browser's own IndexedDB. Used by `highlights.ts`; it prints nothing itself.
 *
 * Seeding: 10,000 highlights across 1,000 pages (the shared sample records,
 * their pages moved onto the local fixture server) written as our JSON export
 * file and imported with `highlights.import`.
 *
 * Paths, each named in its row:
 * - "protocol, extension page": `chrome.runtime.sendMessage` from popup.html,
 *   timed inside the page (message both ways, validation, handler, store).
 * - "protocol, content script": the same, sent from the content script's
 *   isolated world of a served page (reached over CDP), for the content-only
 *   calls `highlights.forPage` and `highlights.create`; the page is the
 *   sender's, as in use.
 * - "in the worker": `HighlightStore` and the `highlights.create` handler from
 *   `src/`, bundled here with esbuild and evaluated in the service worker over
 *   CDP, on the extension's own database: the store cost without the message.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { exportJson } from '../../src/background/highlights-io';
import { sampleHighlight } from '../../src/background/highlights-io/sample-highlights';
import type { Highlight } from '../../src/shared/highlight';
import { launchExtension, type ExtensionSession } from '../../tests/e2e/harness';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COUNT = 10_000;
const PAGES = 1_000;
/** Runs of the import breakdown in the worker (each a full 10,000-record import; one keeps the bench near a minute). */
const IMPORT_PART_RUNS = 1;

/** One measured figure: the median and how many runs it is the median of. */
export interface Figure {
  ms: number;
  runs: number;
}

/** What the browser part measured; `note`s are facts to print beside the figures. */
export interface BrowserFigures {
  chromium: string;
  fileMb: number;
  stored: number;
  importEmpty: Figure;
  reimport: Figure;
  exportJson: Figure;
  exportJsonLd: Figure;
  exportMarkdown: Figure;
  searchCold: Figure;
  wake: Figure;
  /** The global search (`search.query`: entries, passages and highlights), first after a restart and later. */
  globalCold: Figure;
  /** The same after the popup's warm-up (`search.prepare`, sent when a search box opens). */
  globalPrepared: Figure;
  globalWarm: Figure;
  searchWarm: Figure;
  searchEntity: Figure;
  loadContent: Figure & { found: number };
  loadWorker: Figure & { found: number };
  saveContent: Figure;
  saveWorker: Figure;
  importParts: ImportParts;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const fig = (times: readonly number[]): Figure => ({ ms: median(times), runs: times.length });

/** The served URL of sample page `n`. */
function pageUrl(origin: string, n: number): string {
  return `${origin}/story/${n}`;
}

/** The sample collection with its pages on the fixture server. */
function seedHighlights(origin: string): Highlight[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const url = pageUrl(origin, i % PAGES);
    return sampleHighlight(i, { url, site: new URL(url).hostname }, PAGES);
  });
}

/** A small article carrying a page's saved passages, so the content script anchors them as in use. */
function articleHtml(n: number, highlights: readonly Highlight[]): string {
  const mine = highlights.filter((h) => h.url.endsWith(`/story/${n}`));
  const paragraphs = mine.map((h) => `<p>${h.selectors[0].prefix}${h.quote}${h.selectors[0].suffix}. More reporting follows here.</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Story ${n}</title></head><body><article><h1>Story ${n}</h1>${paragraphs.join('\n')}</article></body></html>`;
}

/** Sends calls from an extension page, timing each inside the page. */
async function timeCalls(page: Page, calls: { call: string; params: unknown; timed: boolean }[]): Promise<{ times: number[]; results: unknown[] }> {
  return page.evaluate(async (list) => {
    const send = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> } } }).chrome.runtime.sendMessage;
    const times: number[] = [];
    const results: unknown[] = [];
    for (const { call, params, timed } of list) {
      const t = performance.now();
      const reply = await send({ backstory: 1, call, params });
      const ms = performance.now() - t;
      if (!reply.ok) throw new Error(`${call}: ${JSON.stringify(reply.error)}`);
      if (timed) times.push(ms);
      // Big values (an export's text) are summarised, not sent back to Node.
      const value = reply.value as { text?: string; next?: unknown } | null;
      // A timed export is the whole file: 10,000 highlights fit one piece.
      if (value && typeof value === 'object' && value.next) throw new Error(`${call}: the file came in more than one piece`);
      results.push(value && typeof value === 'object' && typeof value.text === 'string' ? { length: value.text.length } : value);
    }
    return { times, results };
  }, calls);
}

/** The content script's isolated world in `page`, over CDP. */
async function contentWorld(page: Page, extensionId: string): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await page.context().newCDPSession(page);
  let contextId: number | undefined;
  cdp.on('Runtime.executionContextCreated', (event: { context: { id: number; name: string; origin: string; auxData?: { type?: string } } }) => {
    const c = event.context;
    if (c.auxData?.type === 'isolated' && (c.origin.includes(extensionId) || c.name === 'Backstory')) contextId = c.id;
  });
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 15_000;
  while (contextId === undefined) {
    if (Date.now() > deadline) throw new Error(`no content script world in ${page.url()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { cdp, contextId };
}

/** Evaluates an async expression in a CDP execution context and returns its value. */
async function evaluateIn<T>(cdp: CDPSession, contextId: number, expression: string): Promise<T> {
  const reply = (await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true })) as {
    result: { value?: unknown };
    exceptionDetails?: { text?: string; exception?: { description?: string } };
  };
  if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text ?? 'evaluation failed');
  return reply.result.value as T;
}

/** Source that times `runs` calls from a content script; `paramsOf(i)` is JavaScript source of a function. */
function contentCallsSource(call: string, runs: number, paramsOf: string): string {
  return `(async () => {
    const paramsOf = ${paramsOf};
    const times = [];
    let last;
    for (let i = 0; i < ${runs}; i++) {
      const params = paramsOf(i);
      const t = performance.now();
      const reply = await chrome.runtime.sendMessage({ backstory: 1, call: ${JSON.stringify(call)}, params });
      times.push(performance.now() - t);
      if (!reply || !reply.ok) throw new Error(${JSON.stringify(call)} + ': ' + JSON.stringify(reply && reply.error));
      last = reply.value;
    }
    return { times, found: Array.isArray(last) ? last.length : 1 };
  })()`;
}

/** `HighlightStore`, `openDatabase` and the highlights handlers as one script for the worker. */
async function workerBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        "import { openDatabase } from './src/background/db/open';",
        "import { HighlightStore } from './src/background/db/highlight-store';",
        "import { highlightHandlers } from './src/background/handlers/highlights';",
        "import { exportJson, parseImport } from './src/background/highlights-io';",
        "import { sampleHighlight } from './src/background/highlights-io/sample-highlights';",
        'globalThis.__backstoryBench = { openDatabase, HighlightStore, highlightHandlers, exportJson, parseImport, sampleHighlight };',
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    define: { __CORPUS_HASH__: '""', __VERSION__: '"bench"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Where an import's time goes, in the worker: parse + validate, the one-transaction write, a cold read of everything. */
export interface ImportParts {
  parse: Figure;
  write: Figure;
  readAll: Figure;
}

/**
 * Times the store (`forUrl`) and the save handler inside the service worker,
 * on the extension's database; then the import's parts on a scratch database
 * (deleted afterwards), with the same file generated in the worker.
 */
async function workerFigures(session: ExtensionSession, origin: string, runs: number): Promise<{ load: number[]; found: number; save: number[]; parse: number[]; write: number[]; readAll: number[] }> {
  const worker = await session.worker();
  await worker.evaluate(await workerBundle());
  const urls = Array.from({ length: runs }, (_, i) => pageUrl(origin, (i * 37) % PAGES));
  const page = pageUrl(origin, 999);
  // A string is evaluated over CDP, past the worker's CSP (which forbids eval).
  return (await worker.evaluate(`(async () => {
    const { openDatabase, HighlightStore, highlightHandlers } = globalThis.__backstoryBench;
    const db = await openDatabase();
    try {
      const store = new HighlightStore(db);
      const urls = ${JSON.stringify(urls)};
      const load = [];
      let found = 0;
      for (const url of urls) {
        const t = performance.now();
        found = (await store.forUrl(url)).length;
        load.push(performance.now() - t);
      }
      const handlers = highlightHandlers({ highlights: store });
      const sender = { kind: 'content', page: ${JSON.stringify(page)}, site: ${JSON.stringify(new URL(page).hostname)}, tabId: 1 };
      const save = [];
      for (let i = 0; i < ${runs}; i++) {
        const quote = 'A passage saved in the worker bench, number ' + i + ' of ' + Date.now();
        const params = { title: 'Story 999', quote, selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 10, end: 10 + quote.length }], colour: 'green', note: '', entityIds: ['iran'] };
        const t = performance.now();
        await handlers['highlights.create'](params, sender);
        save.push(performance.now() - t);
      }
      const { exportJson, parseImport, sampleHighlight } = globalThis.__backstoryBench;
      const seeded = Array.from({ length: ${COUNT} }, (_, i) => {
        const url = ${JSON.stringify(origin)} + '/story/' + (i % ${PAGES});
        return sampleHighlight(i, { url, site: new URL(url).hostname }, ${PAGES});
      });
      const text = exportJson(seeded);
      const parse = [], write = [], readAll = [];
      for (let i = 0; i < ${IMPORT_PART_RUNS}; i++) {
        let t = performance.now();
        const parsed = parseImport(text);
        parse.push(performance.now() - t);
        if (!parsed.ok) throw new Error(parsed.message);
        const name = 'backstory-bench-' + i + '-' + Date.now();
        const scratch = await openDatabase(name);
        try {
          t = performance.now();
          const outcome = await new HighlightStore(scratch).importMany(parsed.highlights);
          write.push(performance.now() - t);
          if (outcome.added !== ${COUNT}) throw new Error('scratch import added ' + outcome.added);
          t = performance.now();
          await new HighlightStore(scratch).everything();
          readAll.push(performance.now() - t);
        } finally {
          scratch.close();
          await new Promise((resolve) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = r.onblocked = resolve; });
        }
      }
      return { load, found, save, parse, write, readAll };
    } finally {
      db.close();
    }
  })()`)) as { load: number[]; found: number; save: number[]; parse: number[]; write: number[]; readAll: number[] };
}

/** Runs every browser figure; throws when no browser or no build is there. */
export async function measureInBrowser(): Promise<BrowserFigures> {
  const session = await launchExtension();
  try {
    const origin = session.server.origin;
    const highlights = seedHighlights(origin);
    const file = exportJson(highlights);
    const control = await session.openExtensionPage('popup.html');
    const chromium = session.context.browser()?.version() ?? (await control.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'));
    // Let the install finish (corpus loaded) so it does not share the import's time.
    await timeCalls(control, [{ call: 'app.status', params: {}, timed: false }]);

    // Import into an empty store, three times (cleared in between, untimed); the last leaves the 10,000.
    const importCalls = [0, 1, 2].flatMap(() => [
      { call: 'highlights.clear', params: {}, timed: false },
      { call: 'highlights.import', params: { text: file }, timed: true },
    ]);
    const imported = await timeCalls(control, importCalls);
    const added = imported.results.filter((_, i) => i % 2 === 1).map((r) => (r as { added: number }).added);
    if (added.some((n) => n !== COUNT)) throw new Error(`import added ${added.join(', ')}, expected ${COUNT}`);
    const reimport = await timeCalls(control, [0, 1, 2].map(() => ({ call: 'highlights.import', params: { text: file }, timed: true })));

    const words = ['embassy', 'aleppo', 'timeline', 'kurdish', 'moscow', 'note 12'];
    const warm = await timeCalls(control, Array.from({ length: 30 }, (_, i) => ({ call: 'highlights.list', params: { text: words[i % words.length]!, limit: 50 }, timed: true })));
    const entity = await timeCalls(control, Array.from({ length: 30 }, () => ({ call: 'highlights.list', params: { entityId: 'iran', sort: 'site', limit: 50 }, timed: true })));
    const exportOf = (format: string, runs: number) => timeCalls(control, Array.from({ length: runs }, () => ({ call: 'highlights.export', params: { format }, timed: true })));
    const json = await exportOf('json', 3);
    const jsonld = await exportOf('jsonld', 3);
    const markdown = await exportOf('markdown', 3);

    // A page's highlights and a save, from the content script of a served page.
    const story = 37;
    session.server.route(`/story/${story}`, articleHtml(story, highlights));
    const article = await session.open(pageUrl(origin, story));
    const { cdp, contextId } = await contentWorld(article, session.extensionId);
    await new Promise((r) => setTimeout(r, 500)); // the content script's first pass settles
    const load = await evaluateIn<{ times: number[]; found: number }>(cdp, contextId, contentCallsSource('highlights.forPage', 30, '() => ({})'));
    const save = await evaluateIn<{ times: number[]; found: number }>(
      cdp,
      contextId,
      contentCallsSource(
        'highlights.create',
        30,
        `(i) => { const quote = 'A passage saved from the content script, number ' + i + ' at ' + Date.now(); return { title: 'Story ${story}', quote, selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 5000 + i, end: 5000 + i + quote.length }], colour: 'yellow', note: '', entityIds: ['iran'] }; }`,
      ),
    );
    await cdp.detach();
    await article.close();

    const inWorker = await workerFigures(session, origin, 50);

    /** Three runs of `calls`, each right after stopping the worker: the timed figures of each run, in order. */
    const afterRestarts = async (calls: { call: string; params: unknown; timed: boolean }[]): Promise<number[][]> => {
      const runs: number[][] = [];
      for (let i = 0; i < 3; i++) {
        await session.stopServiceWorker();
        runs.push((await timeCalls(control, calls)).times);
      }
      return runs;
    };
    // First search after the worker was stopped: woken by app.status (timed apart), then the first list.
    const listRuns = await afterRestarts([
      { call: 'app.status', params: {}, timed: true },
      { call: 'highlights.list', params: { text: 'embassy', limit: 50 }, timed: true },
    ]);
    const wake = listRuns.map((times) => times[0]!);
    const cold = listRuns.map((times) => times[1]!);
    // The same for the global search, which indexes the highlights with the corpus.
    const globalCold = (await afterRestarts([
      { call: 'app.status', params: {}, timed: false },
      { call: 'search.query', params: { q: 'embassy', limit: 30 }, timed: true },
    ])).map((times) => times[0]!);
    // As the popup does it: the search box asks for the index when it opens, the query comes after typing.
    const globalPrepared = (await afterRestarts([
      { call: 'app.status', params: {}, timed: false },
      { call: 'search.prepare', params: {}, timed: false },
      { call: 'search.query', params: { q: 'embassy', limit: 30 }, timed: true },
    ])).map((times) => times[0]!);
    const globalWarm = await timeCalls(control, Array.from({ length: 30 }, (_, i) => ({ call: 'search.query', params: { q: words[i % words.length]!, limit: 30 }, timed: true })));
    const status = await timeCalls(control, [{ call: 'app.status', params: {}, timed: false }]);

    return {
      chromium,
      fileMb: file.length / 1e6,
      stored: (status.results[0] as { highlights: number }).highlights,
      importEmpty: fig(imported.times),
      reimport: fig(reimport.times),
      exportJson: fig(json.times),
      exportJsonLd: fig(jsonld.times),
      exportMarkdown: fig(markdown.times),
      searchCold: fig(cold),
      wake: fig(wake),
      globalCold: fig(globalCold),
      globalPrepared: fig(globalPrepared),
      globalWarm: fig(globalWarm.times),
      searchWarm: fig(warm.times),
      searchEntity: fig(entity.times),
      loadContent: { ...fig(load.times), found: load.found },
      loadWorker: { ...fig(inWorker.load), found: inWorker.found },
      saveContent: fig(save.times),
      saveWorker: fig(inWorker.save),
      importParts: { parse: fig(inWorker.parse), write: fig(inWorker.write), readAll: fig(inWorker.readAll) },
    };
  } finally {
    await session.close();
  }
}
