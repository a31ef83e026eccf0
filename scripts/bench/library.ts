/**
 * Library bench (issue 18), with 1,000 library articles (about 10 MB of text)
 * in the corpus model beside the bundled corpus.
 *
 * Runs the background's own code in Node: the services and handlers of
 * `src/background` over fake-indexeddb (an in-memory IndexedDB in JavaScript,
 * slower than a browser's, so the store figures are pessimistic), called
 * through the router's `dispatch` as a message would be, without the message
 * passing itself. The articles are generated from the bundled corpus'
 * sentences (seeded, so every run has the same text), so they name its actors
 * as news articles do, and are stored as a library import would (one
 * transaction per 100 articles).
 *
 * Figures, each the median of several runs:
 *  - adding one article (`library.add`, with 1,000 stored): schema check, the
 *    matcher recompiled for the new content hash, passages and mentions, one
 *    write transaction. Budget ≤ 200 ms;
 *  - a card, warm (`corpus.cards` for one entry with its context sentence,
 *    after the first after a change built the model and the seeds). Budget
 *    < 16 ms, the frame a card paint must fit in;
 *  - search, warm (`search.query`, index built). Budget < 50 ms;
 *  - page annotation: `page.match` of a 50,000-character page, before and
 *    after the library is loaded (library text is never matched against
 *    pages: the figure should not move).
 * The first card and the first search after a change (the model, the seeds
 * and the index rebuilt) are printed for information.
 *
 * Run: `npm run build && npx tsx scripts/bench/library.ts` (or `npm run bench library`).
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusBundle } from '../../src/shared/corpus';
import type { ExtractedArticle } from '../../src/shared/library';
import { compileMatcher } from '../../src/shared/matcher';
import { openDatabase } from '../../src/background/db/open';
import { createServices } from '../../src/background/services';
import { createHandlers } from '../../src/background/handlers';
import { pageMatcherEntries } from '../../src/background/handlers/corpus';
import { libraryRecords } from '../../src/background/library/ingest';
import { dispatch, type Handlers } from '../../src/background/router';
import type { Sender } from '../../src/background/sender';
import { formatMs, printMachine, printTable, type BenchRow } from './format';
import { prng } from './prng';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ARTICLES = 1_000;
/** Characters per generated article: 1,000 of them make about 10 MB. */
const ARTICLE_CHARS = 10_000;
const BATCH = 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await run();
  return { ms: performance.now() - t, value };
}

/** An article of about {@link ARTICLE_CHARS} characters of corpus sentences, in paragraphs of four to seven. */
function article(i: number, sentences: readonly string[], random: () => number): ExtractedArticle {
  const paragraphs: string[] = [];
  let chars = 0;
  while (chars < ARTICLE_CHARS) {
    const n = 4 + Math.floor(random() * 4);
    const paragraph = Array.from({ length: n }, () => sentences[Math.floor(random() * sentences.length)]!).join(' ');
    paragraphs.push(paragraph);
    chars += paragraph.length;
  }
  const day = String(1 + (i % 28)).padStart(2, '0');
  return { url: `https://news${i % 40}.example/2026/story-${i}`, title: `Story ${i}`, site: `News ${i % 40}`, published: `2026-01-${day}`, paragraphs };
}

function loadLine(when: string): string {
  const [one, five, fifteen] = os.loadavg().map((n) => n.toFixed(1));
  return `machine load ${when}: ${one} / ${five} / ${fifteen} (1 / 5 / 15 min averages, ${os.cpus().length} cores)`;
}

/** Runs the library bench and prints its table. */
export async function benchLibrary(): Promise<void> {
  const file = path.join(ROOT, 'dist', 'chrome', 'corpus.json');
  if (!existsSync(file)) {
    console.log('library: skipped, run `npm run build` first');
    return;
  }
  printMachine();
  console.log(loadLine('before'));
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as CorpusBundle;
  const sentences = bundle.passages.map((p) => p.text).filter((t) => t.length > 40);
  const random = prng(18);

  let next: ExtractedArticle | undefined;
  const services = await createServices(
    { bundledHash: bundle.hash, loadBundle: async () => bundle, broadcastSettings: async () => undefined, setBadge: async () => undefined, extractArticle: async () => next },
    await openDatabase(`bench-library-${Date.now()}`),
  );
  const handlers = createHandlers(services) as Handlers;
  const ours: Sender = { kind: 'extension' };
  const page: Sender = { kind: 'content', tabId: 1, page: 'https://news.example/today', site: 'news.example' };
  const call = async (name: string, params: unknown, sender: Sender = ours): Promise<unknown> => {
    const result = await dispatch({ backstory: 1, call: name, params }, sender, handlers);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };

  // Page annotation before the library: a page of corpus sentences, matched as a content script asks.
  const pageText = Array.from({ length: 400 }, () => sentences[Math.floor(random() * sentences.length)]!).join(' ').slice(0, 50_000);
  const matchPage = () => call('page.match', { text: pageText, bounds: [0, pageText.length], exclude: [] }, page);
  await services.corpusModel.ready();
  await matchPage();
  const matchBefore: number[] = [];
  for (let i = 0; i < 9; i++) matchBefore.push((await timed(matchPage)).ms);

  // 1,000 articles, stored as an import would, 100 per transaction.
  const matcher = compileMatcher(pageMatcherEntries(bundle.entries));
  let textChars = 0;
  let passages = 0;
  const seed = await timed(async () => {
    for (let start = 0; start < ARTICLES; start += BATCH) {
      const records = [];
      for (let i = start; i < Math.min(ARTICLES, start + BATCH); i++) {
        const a = article(i, sentences, random);
        textChars += a.paragraphs.reduce((n, p) => n + p.length, 0);
        const built = libraryRecords(a, matcher, undefined, Date.UTC(2026, 0, 1) + i);
        passages += built.passages.length;
        records.push(built);
      }
      await services.library.save(records);
    }
  });

  // The busiest entries are the cards that gather the most excerpts.
  const counts = new Map<string, number>();
  for (const m of bundle.mentions) counts.set(m.entryId, (counts.get(m.entryId) ?? 0) + 1);
  const busiest = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([id]) => id);
  const context = { [busiest[0]!]: sentences[3]! };
  const words = ['moscow', 'bases', 'sanctions', 'kurdish', 'damascus talks', 'aleppo'];

  // First after the change: the model, the seeds and the search index are rebuilt.
  const firstCard = await timed(() => call('corpus.cards', { ids: [busiest[0]!], context }));
  const firstSearch = await timed(() => call('search.query', { q: 'moscow' }));

  // Adding one article with 1,000 stored (each a new URL: an add, not an update).
  const adds: number[] = [];
  for (let i = 0; i < 7; i++) {
    next = article(ARTICLES + i, sentences, random);
    adds.push((await timed(() => call('library.add', { tabId: 1 }))).ms);
  }
  const firstCardAfterAdd = await timed(() => call('corpus.cards', { ids: [busiest[0]!], context }));
  await call('search.prepare', {});

  const cardWarm: number[] = [];
  const cardPage: number[] = [];
  const cardBatch: number[] = [];
  for (let i = 0; i < 21; i++) {
    const id = busiest[i % busiest.length]!;
    cardWarm.push((await timed(() => call('corpus.cards', { ids: [id], context: { [id]: sentences[i]! } }))).ms);
    cardPage.push((await timed(() => call('corpus.cards', { ids: [id], context: { [id]: sentences[i]! } }, page))).ms);
    cardBatch.push((await timed(() => call('corpus.cards', { ids: busiest, context }))).ms);
  }
  const searchWarm: number[] = [];
  for (let i = 0; i < 18; i++) searchWarm.push((await timed(() => call('search.query', { q: words[i % words.length]! }))).ms);
  const matchAfter: number[] = [];
  for (let i = 0; i < 9; i++) matchAfter.push((await timed(matchPage)).ms);

  const add = median(adds);
  const card = median(cardWarm);
  const search = median(searchWarm);
  const stored = (await call('library.list', {})) as unknown[];
  const rows: BenchRow[] = [
    { figure: `library: ${stored.length} articles, ${(textChars / 1e6).toFixed(1)} M characters, ${passages} passages (seeded in ${Math.round(seed.ms / 1000)} s, one transaction per ${BATCH})`, value: '' },
    { figure: `add one article (library.add, ${ARTICLES}+ stored), median of ${adds.length}`, value: formatMs(add), budget: '≤ 200 ms', pass: add <= 200 },
    { figure: `card, warm, our page (corpus.cards, 1 entry, library excerpts), median of ${cardWarm.length}`, value: formatMs(card), budget: '< 16 ms', pass: card < 16 },
    { figure: `card, warm, content script (corpus.cards, 1 entry), median of ${cardPage.length}`, value: formatMs(median(cardPage)), budget: '< 16 ms', pass: median(cardPage) < 16 },
    { figure: `  a page's prefetch batch (corpus.cards, ${busiest.length} entries), median of ${cardBatch.length}`, value: formatMs(median(cardBatch)) },
    { figure: `search, warm (search.query), median of ${searchWarm.length}`, value: formatMs(search), budget: '< 50 ms', pass: search < 50 },
    { figure: `page annotation (page.match, ${pageText.length.toLocaleString('en')} chars), before the library, median of ${matchBefore.length}`, value: formatMs(median(matchBefore)) },
    { figure: `page annotation, with the library, median of ${matchAfter.length}`, value: formatMs(median(matchAfter)), baseline: `before ${formatMs(median(matchBefore))}` },
    { figure: '(first card after 1,000 were added: model and seeds rebuilt, one run)', value: formatMs(firstCard.ms) },
    { figure: '(first search after that: index rebuilt, one run)', value: formatMs(firstSearch.ms) },
    { figure: '(first card after one more add: model and seeds rebuilt, one run)', value: formatMs(firstCardAfterAdd.ms) },
  ];
  printTable('library (Node, fake-indexeddb: the background\'s handlers through dispatch)', rows);
  console.log(loadLine('after'));
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLibrary();
