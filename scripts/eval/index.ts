/**
 * `npm run eval`: precision and recall of recognition, per class of the
 * issue (#15), over hand-written gold (`eval/gold/`): saved real pages from
 * `../shared/realpages` (read in place, their text collected as the content
 * script does: `inputs.ts`) and tricky sentences. Runs the pure matcher in
 * Node with the catalog as pages receive it.
 *
 * `npm run eval -- --verbose` also lists every false positive and negative.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileMatcher, type EntityMatch } from '../../src/shared/matcher';
import { ROOT, pageEntries, readPage } from './inputs';
import { Scores, precision, recall, type Tally } from './score';

interface PageGold {
  page: string;
  marks: [string, string, number, string?][];
  non: [string, string, string][];
}
interface SentenceGold {
  class: string;
  text: string;
  date?: string;
  marks: [string, string][];
}

const verbose = process.argv.includes('--verbose');
const gold = (name: string): unknown => JSON.parse(readFileSync(path.join(ROOT, 'eval', 'gold', name), 'utf8'));
const pages = (gold('pages.json') as { pages: PageGold[] }).pages;
const sentences = (gold('sentences.json') as { sentences: SentenceGold[] }).sentences;

const matcher = compileMatcher(pageEntries());
/** The matcher's marks as (id, surface) pairs; `date` is passed when the matcher takes one. */
function predict(text: string, date: string | undefined): [string, string][] {
  const options = { pageDate: date } as Parameters<typeof matcher.match>[1];
  return matcher.match(text, options).map((m: EntityMatch) => [m.entryId, text.slice(m.start, m.end)]);
}

const pageScores = new Scores();
for (const g of pages) {
  const { text, date } = await readPage(g.page);
  const nonClass = new Map(g.non.map(([surface, cls]) => [surface, cls]));
  const expected = g.marks.flatMap(([id, surface, count, cls]) => Array.from({ length: count }, () => [id, surface, cls ?? 'names'] as [string, string, string]));
  pageScores.add(g.page, predict(text, date), expected, (surface) => nonClass.get(surface) ?? 'names');
}

const sentenceScores = new Scores();
sentences.forEach((s, k) => {
  sentenceScores.add(`sentence ${k + 1}`, predict(s.text, s.date), s.marks.map(([id, surface]) => [id, surface, s.class]), () => s.class);
});

interface LanguagePage {
  lang: string;
  title: string;
  blocks: string[];
  marks: [string, string][];
}
const languagePages = (gold('languages.json') as { pages: LanguagePage[] }).pages;
const languageScores = new Scores();
for (const p of languagePages) {
  const text = p.blocks.join('\u0000');
  languageScores.add(`${p.lang} "${p.title}"`, predict(text, undefined), p.marks.map(([id, surface]) => [id, surface, p.lang]), () => p.lang);
}

const fmt = (x: number): string => x.toFixed(3);
function table(title: string, scores: Scores): void {
  console.log(`\n${title}`);
  console.log('class          tp    fp    fn  precision  recall');
  const row = (name: string, t: Tally): void =>
    console.log(`${name.padEnd(12)} ${String(t.tp).padStart(4)}  ${String(t.fp).padStart(4)}  ${String(t.fn).padStart(4)}  ${fmt(precision(t)).padStart(9)}  ${fmt(recall(t)).padStart(6)}`);
  for (const [cls, t] of [...scores.byClass].sort(([a], [b]) => a.localeCompare(b))) row(cls, t);
  row('all', scores.total());
  if (verbose) for (const m of scores.misses) console.log(`  ${m.kind.toUpperCase()} [${m.cls}] ${m.where}: ${m.id} ${JSON.stringify(m.text)}`);
}

console.log(`recognition eval: ${pages.length} real pages, ${sentences.length} sentences`);
table(`real pages (${pages.length})`, pageScores);
table(`sentences (${sentences.length})`, sentenceScores);
table(`pages in other languages (${languagePages.length}), by language`, languageScores);
const all = new Scores();
for (const s of [pageScores, sentenceScores]) for (const [cls, t] of s.byClass) {
  const into = all.byClass.get(cls) ?? { tp: 0, fp: 0, fn: 0 };
  all.byClass.set(cls, { tp: into.tp + t.tp, fp: into.fp + t.fp, fn: into.fn + t.fn });
}
table('both', all);
