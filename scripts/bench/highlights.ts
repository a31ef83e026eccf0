/**
 * Highlights bench, with 10,000 highlights across 1,000 pages.
 *
 * Store figures where they really run (`highlights-browser.ts`): the
 * background of the built extension in headless Chromium, over the browser's
 * IndexedDB, seeded by importing a generated file of our JSON format. Each row
 * names its path: the protocol from an extension page (`highlights.import`,
 * `.export`, `.list`), the protocol from a served page's content script
 * (`highlights.forPage`, `.create`, content-only), or the store/handler code
 * of `src/` run inside the service worker (no message). These carry the
 * budgets' verdicts.
 *
 * The same figures in Node over fake-indexeddb (an in-memory IndexedDB in
 * JavaScript, far slower than the browser's, so pessimistic) are kept for
 * comparison, without verdicts.
 *
 * Anchoring runs on the text of a real large page
 * (/work/shared/realpages/wikipedia.html, tags stripped in Node): 100 saved
 * passages re-anchored on the page as saved, after a paragraph was inserted at
 * the top, and with 10 of them edited (fuzzy). Median of several runs.
 *
 * The machine's load average is printed before and after: other processes
 * share the machine, and a loaded machine slows every figure.
 *
 * Run: `npm run build && npx tsx scripts/bench/highlights.ts` (or `npm run bench highlights`).
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/background/db/open';
import { HighlightStore } from '../../src/background/db/highlight-store';
import { exportJson, exportJsonLd, exportMarkdown, parseImport } from '../../src/background/highlights-io';
import { sampleHighlight, sampleHighlights } from '../../src/background/highlights-io/sample-highlights';
import { anchorQuote, describeRange } from '../../src/shared/anchoring';
import { formatMs, printMachine, printTable, type BenchRow } from './format';
import { measureInBrowser, type BrowserFigures, type Figure } from './highlights-browser';
import { prng } from './prng';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REAL_PAGE = path.resolve(ROOT, '..', 'shared', 'realpages', 'wikipedia.html');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(run: () => unknown): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

async function timeMedian(runs: number, run: (i: number) => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await time(() => run(i)));
  return median(times);
}

function row(figure: string, ms: number, budgetMs: number, budget = `< ${budgetMs} ms`): BenchRow {
  return { figure, value: formatMs(ms), budget, pass: ms < budgetMs };
}

/** A Node figure: shown beside the budget for reference, without a verdict (the browser's figure carries it). */
function nodeRow(figure: string, ms: number, budget: string): BenchRow {
  return { figure, value: formatMs(ms), budget: `(${budget})` };
}

/** A browser figure with its path, the number of runs it is the median of, and its verdict. */
function browserRow(figure: string, f: Figure, budgetMs: number, budget = `< ${budgetMs} ms`): BenchRow {
  return { figure: `${figure}, median of ${f.runs}`, value: formatMs(f.ms), budget, pass: f.ms < budgetMs };
}

function browserRows(b: BrowserFigures): BenchRow[] {
  const part = (figure: string, f: Figure): BenchRow => ({ figure: `  ${figure}${f.runs > 1 ? `, median of ${f.runs}` : ', one run'}`, value: formatMs(f.ms) });
  return [
    browserRow(`save one highlight: protocol, content script (highlights.create)`, b.saveContent, 10),
    browserRow(`save one highlight: in the worker (create handler + store.add)`, b.saveWorker, 10),
    browserRow(`load a page's ${b.loadContent.found}: protocol, content script (highlights.forPage)`, b.loadContent, 10),
    browserRow(`load a page's ${b.loadWorker.found}: in the worker (store.forUrl, by-url index)`, b.loadWorker, 10),
    browserRow('search all, first after a worker restart: protocol (highlights.list)', b.searchCold, 50),
    { figure: `  (waking the stopped worker first, app.status, not counted), median of ${b.wake.runs}`, value: formatMs(b.wake.ms) },
    browserRow('search all by text, later searches: protocol (highlights.list)', b.searchWarm, 50),
    browserRow('search all by entity, sorted by site: protocol (highlights.list)', b.searchEntity, 50),
    { figure: `global search, first after a worker restart, sent at once: protocol (search.query), median of ${b.globalCold.runs}`, value: formatMs(b.globalCold.ms), budget: '(no warm-up)' },
    browserRow('global search, first after a worker restart, after the search box warmed the index (search.prepare)', b.globalPrepared, 50),
    browserRow('global search, later searches: protocol (search.query)', b.globalWarm, 50),
    browserRow(`export JSON (${b.fileMb.toFixed(1)} MB): protocol (highlights.export)`, b.exportJson, 2_000, '< 2 s'),
    browserRow('export W3C JSON-LD: protocol (highlights.export)', b.exportJsonLd, 2_000, '< 2 s'),
    browserRow('export Markdown: protocol (highlights.export)', b.exportMarkdown, 2_000, '< 2 s'),
    browserRow('import 10,000 into an empty store: protocol (highlights.import)', b.importEmpty, 2_000, '< 2 s'),
    { figure: '  of which, in the worker on a scratch database:', value: '' },
    part('parse and validate the whole file (parseImport)', b.importParts.parse),
    part('write 10,000 in one transaction (store.importMany)', b.importParts.write),
    { figure: '  (then: a cold read of all 10,000, store.everything)', value: formatMs(b.importParts.readAll.ms) },
    browserRow('re-import the same file (all skipped): protocol (highlights.import)', b.reimport, 2_000, '< 2 s'),
  ];
}

function loadLine(when: string): string {
  const [one, five, fifteen] = os.loadavg().map((n) => n.toFixed(1));
  return `machine load ${when}: ${one} / ${five} / ${fifteen} (1 / 5 / 15 min averages, ${os.cpus().length} cores)`;
}

/** The visible text of an HTML file, roughly as the page-text model reads it (blocks on their own lines). */
function textOfHtml(html: string): string {
  return html
    .replace(/<(script|style|noscript|template|svg)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?(p|div|li|h[1-6]|tr|td|th|table|ul|ol|section|article|header|footer|nav|aside|br|blockquote|figure|figcaption|dd|dt)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\n\s*\n+/g, '\n');
}


/** Runs of each whole-collection Node figure (export, import, validate): one, to keep the bench near a minute. */
const NODE_BIG_RUNS = 1;

async function storeRows(): Promise<BenchRow[]> {
  const all = sampleHighlights(10_000, 1_000);
  const store = new HighlightStore(await openDatabase(`bench-${Date.now()}`));
  await store.importMany(all);
  let n = 10_000;
  const save = await timeMedian(50, () => store.add(sampleHighlight(n++)));
  const load = await timeMedian(50, (i) => store.forUrl(`https://news${(i * 37) % 50}.example/story/${(i * 37) % 1000}`));
  const coldFresh = new HighlightStore(await openDatabase(`bench-cold-${Date.now()}`));
  await coldFresh.restore(all);
  const searchCold = await time(() => coldFresh.list({ text: 'embassy' }));
  const words = ['embassy', 'aleppo', 'timeline', 'kurdish', 'moscow', 'note 12'];
  const searchWarm = await timeMedian(30, (i) => store.list({ text: words[i % words.length]!, limit: 50 }));
  const searchEntity = await timeMedian(30, () => store.list({ entityId: 'iran', sort: 'site', limit: 50 }));
  const everything = await store.everything();
  let exported = '';
  const exportMs = await timeMedian(NODE_BIG_RUNS, async () => {
    exported = exportJson(await store.everything());
  });
  const exportLd = await timeMedian(NODE_BIG_RUNS, async () => exportJsonLd(await store.everything()));
  const exportMd = await timeMedian(NODE_BIG_RUNS, async () => exportMarkdown(await store.everything(), () => undefined));
  const importMs = await timeMedian(NODE_BIG_RUNS, async () => {
    const target = new HighlightStore(await openDatabase(`bench-import-${Math.random()}`));
    const parsed = parseImport(exported);
    if (!parsed.ok) throw new Error(parsed.message);
    const outcome = await target.importMany(parsed.highlights);
    if (outcome.added !== everything.length) throw new Error('import lost records');
  });
  const validateMs = await timeMedian(NODE_BIG_RUNS, () => {
    if (!parseImport(exported).ok) throw new Error('export did not validate');
  });
  const readAllMs = await time(() => new HighlightStore(coldFresh['db']).everything());
  const reimportMs = await time(async () => {
    const parsed = parseImport(exported);
    if (!parsed.ok) throw new Error(parsed.message);
    await store.importMany(parsed.highlights);
  });
  const size = `${(exported.length / 1e6).toFixed(1)} MB`;
  return [
    nodeRow('save one highlight (10,000 stored)', save, '< 10 ms'),
    nodeRow("load a page's highlights (by-url index)", load, '< 10 ms'),
    nodeRow('search all, first search (builds the index), one run', searchCold, '< 50 ms'),
    nodeRow('search all by text, later searches', searchWarm, '< 50 ms'),
    nodeRow('search all by entity, sorted by site', searchEntity, '< 50 ms'),
    nodeRow(`export JSON, ${everything.length} highlights (${size}), one run`, exportMs, '< 2 s'),
    nodeRow('export W3C JSON-LD, one run', exportLd, '< 2 s'),
    nodeRow('export Markdown, one run', exportMd, '< 2 s'),
    nodeRow('import JSON into an empty store (validate + 1 transaction), one run', importMs, '< 2 s'),
    { figure: '  of which: parse and validate the whole file', value: formatMs(validateMs) },
    { figure: '  (reading all 10,000 records, fake-indexeddb getAll)', value: formatMs(readAllMs) },
    nodeRow('re-import the same file (all skipped)', reimportMs, '< 2 s'),
  ];
}

function anchorRows(): BenchRow[] {
  if (!existsSync(REAL_PAGE)) return [{ figure: 'anchoring: wikipedia.html not found', value: 'skipped' }];
  const text = textOfHtml(readFileSync(REAL_PAGE, 'utf8'));
  const random = prng(6);
  const saved = Array.from({ length: 100 }, () => {
    const length = 40 + Math.floor(random() * 160);
    const start = Math.floor(random() * (text.length - length));
    return describeRange(text, start, start + length);
  });
  const inserted = 'A paragraph the site added at the top of the article after the reader saved their highlights.\n' + text;
  // Ten passages edited: one word in the middle replaced.
  let edited = inserted;
  for (const selectors of saved.slice(0, 10)) {
    const exact = selectors[0].exact;
    const middle = Math.floor(exact.length / 2);
    const changed = exact.slice(0, middle) + 'XYZW' + exact.slice(middle + 4);
    edited = edited.replace(exact, changed);
  }
  const run = (page: string) => {
    let placed = 0;
    const ms = timeMedianSync(7, () => {
      placed = 0;
      for (const s of saved) if (anchorQuote(page, s)) placed++;
    });
    return { ms, placed };
  };
  const same = run(text);
  const moved = run(inserted);
  const fuzzy = run(edited);
  const chars = `${Math.round(text.length / 1000)}k chars`;
  return [
    { ...row(`re-anchor 100 highlights, unchanged page (${chars})`, same.ms, 100), figure: `re-anchor 100, unchanged page (${chars}): ${same.placed} placed` },
    { ...row('', moved.ms, 100), figure: `re-anchor 100, paragraph inserted above: ${moved.placed} placed` },
    { ...row('', fuzzy.ms, 100), figure: `re-anchor 100, 10 edited (fuzzy): ${fuzzy.placed} placed` },
  ];
}

function timeMedianSync(runs: number, run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Prints the highlights figures. */
export async function benchHighlights(): Promise<void> {
  const started = performance.now();
  printMachine();
  console.log(loadLine('at start'));
  let browser: BrowserFigures | undefined;
  try {
    browser = await measureInBrowser();
  } catch (error) {
    console.log(`\nhighlights in Chromium: not measured (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  if (browser) {
    console.log(`\nstore figures in the built extension's background: headless Chromium ${browser.chromium}, its IndexedDB; ${browser.stored.toLocaleString('en')} highlights stored at the end (10,000 seeded across 1,000 pages by importing our JSON, plus the bench's saves).`);
    printTable('highlights: store, search, export/import (Chromium, background of dist/chrome)', browserRows(browser));
  }
  console.log(loadLine('after Chromium'));
  printTable('highlights: store, search, export/import (Node, fake-indexeddb (pessimistic); budgets for reference, no verdict)', await storeRows());
  printTable('highlights: anchoring on a real page (wikipedia.html, tags stripped in Node)', anchorRows());
  console.log(`\n${loadLine('at end')}; the bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHighlights();
