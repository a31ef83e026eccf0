/**
 * Highlights bench. Store figures run in Node over fake-indexeddb (an
 * in-memory IndexedDB in JavaScript, so slower than the browser's, which makes
 * these figures pessimistic) with 10,000 highlights across 1,000 pages: save
 * one, load a page's highlights, search all (cold: first search builds the
 * in-memory index; warm: later keystrokes), export and import. Anchoring runs
 * on the text of a real large page (/work/shared/realpages/wikipedia.html,
 * tags stripped in Node): 100 saved passages re-anchored on the page as
 * saved, after a paragraph was inserted at the top, and with 10 of them
 * edited (fuzzy). Median of several runs.
 *
 * Run: `npx tsx scripts/bench/highlights.ts` (or `npm run bench highlights`).
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/background/db/open';
import { HighlightStore } from '../../src/background/db/highlight-store';
import { exportJson, exportJsonLd, exportMarkdown, parseImport } from '../../src/background/highlights-io';
import { sampleHighlight, sampleHighlights } from '../../src/background/highlights-io/sample-highlights';
import { anchorQuote, describeRange } from '../../src/shared/anchoring';
import { formatMs, printMachine, printTable, type BenchRow } from './format';

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

/** mulberry32, so every run picks the same passages. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function storeRows(): Promise<BenchRow[]> {
  const all = sampleHighlights(10_000, 1_000);
  const store = new HighlightStore(await openDatabase(`bench-${Date.now()}`));
  await store.importMany(all);
  let n = 10_000;
  const save = await timeMedian(50, () => store.add(sampleHighlight(n++)));
  const load = await timeMedian(50, (i) => store.forUrl(`https://news${(i * 37) % 50}.example/story/${(i * 37) % 1000}`));
  const fresh = new HighlightStore(await openDatabase(`bench-${Date.now()}`));
  await fresh.importMany(all);
  const coldFresh = new HighlightStore(await openDatabase(`bench-cold-${Date.now()}`));
  await coldFresh.restore(all);
  const searchCold = await time(() => coldFresh.list({ text: 'embassy' }));
  const words = ['embassy', 'aleppo', 'timeline', 'kurdish', 'moscow', 'note 12'];
  const searchWarm = await timeMedian(30, (i) => store.list({ text: words[i % words.length]!, limit: 50 }));
  const searchEntity = await timeMedian(30, () => store.list({ entityId: 'iran', sort: 'site', limit: 50 }));
  const everything = await store.everything();
  let exported = '';
  const exportMs = await timeMedian(3, async () => {
    exported = exportJson(await store.everything());
  });
  const exportLd = await timeMedian(3, async () => exportJsonLd(await store.everything()));
  const exportMd = await timeMedian(3, async () => exportMarkdown(await store.everything(), () => undefined));
  const importMs = await timeMedian(3, async () => {
    const target = new HighlightStore(await openDatabase(`bench-import-${Math.random()}`));
    const parsed = parseImport(exported);
    if (!parsed.ok) throw new Error(parsed.message);
    const outcome = await target.importMany(parsed.highlights);
    if (outcome.added !== everything.length) throw new Error('import lost records');
  });
  const validateMs = await timeMedian(3, () => {
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
    row('save one highlight (10,000 stored)', save, 10),
    row("load a page's highlights (by-url index)", load, 10),
    row('search all, first search (builds the index)', searchCold, 50),
    row('search all by text, later searches', searchWarm, 50),
    row('search all by entity, sorted by site', searchEntity, 50),
    row(`export JSON, ${everything.length} highlights (${size})`, exportMs, 2_000, '< 2 s'),
    row('export W3C JSON-LD', exportLd, 2_000, '< 2 s'),
    row('export Markdown', exportMd, 2_000, '< 2 s'),
    row('import JSON into an empty store (validate + 1 transaction)', importMs, 2_000, '< 2 s'),
    { figure: '  of which: parse and validate the whole file', value: formatMs(validateMs) },
    { figure: '  (reading all 10,000 records, fake-indexeddb getAll)', value: formatMs(readAllMs) },
    row('re-import the same file (all skipped)', reimportMs, 2_000, '< 2 s'),
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
  printMachine();
  console.log('store figures: Node + fake-indexeddb (in-memory, JavaScript), not the browser’s IndexedDB; 10,000 highlights over 1,000 pages.');
  printTable('highlights: store, search, export/import', await storeRows());
  printTable('highlights: anchoring on a real page (wikipedia.html, tags stripped in Node)', anchorRows());
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHighlights();
