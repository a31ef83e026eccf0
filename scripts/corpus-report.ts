/**
 * Curator's report: capitalised names and acronyms of the corpus that no
 * catalog alias covers, with counts and an example sentence.
 *
 *   npm run corpus:report          (always exits 0)
 *
 * A candidate is a run of capitalised words (lower-case joiners such as "of",
 * "for", "al" allowed inside: "Center for Strategic Studies"), cut at the
 * reviewed stop words of `scripts/corpus/report-stoplist.ts`, with titles and
 * demonyms trimmed from its edges. A sentence-initial word that the corpus
 * also uses in lower case is ignored ("Despite", "Observers").
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusDocument, Passage } from '../src/shared/corpus';
import { loadCatalog, loadDocuments } from './build-corpus';
import { aliasesWithName, corpusPassages, findMentions, type SourcedEntry } from './corpus/bundle';
import { CatalogError } from './corpus/catalog-yaml';
import { CONNECTORS, DEMONYM_WORDS, OFFICES, SPLIT_WORDS } from './corpus/report-stoplist';

/** One uncovered name. */
export interface Uncovered {
  text: string;
  kind: 'name' | 'acronym';
  count: number;
  example: { passageId: string; text: string };
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words: letters/digits joined by inner apostrophes ("Hay'at"); hyphens split words except after an Arabic article ("al-Sham"). */
const TOKEN = /(?:(?:al|el|ad|as|ash|ar|an|at|az|ibn|bin|abu)[-‑](?=\p{Lu}))?[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const ARABIC_ARTICLE = /^(?:al|el|ad|as|ash|ar|an|at|az|ibn|bin|abu)[-‑]\p{Lu}/u;

const isCapitalised = (t: string) => /^\p{Lu}/u.test(t) || ARABIC_ARTICLE.test(t);
const isAcronym = (t: string) => /^\p{Lu}[\p{Lu}\d]+$/u.test(t);

/** The words of a text; a possessive "’s" is not part of the word and ends a name. */
function tokensOf(text: string, offset = 0): (Token & { possessive: boolean })[] {
  return [...text.matchAll(TOKEN)].map((m) => {
    const possessive = /['’]s$/u.test(m[0]) && m[0].length > 2;
    const word = possessive ? m[0].slice(0, -2) : m[0];
    return { text: word, start: offset + m.index, end: offset + m.index + word.length, possessive };
  });
}

/** Capitalised runs of one passage (joined by spaces or single hyphens, joiners allowed inside). */
function runs(text: string, isSentenceInitialWord: (word: string) => boolean): Token[][] {
  const tokens = tokensOf(text);
  const out: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && !isCapitalised(run[run.length - 1]!.text)) run.pop();
    if (run.length > 0) out.push(run);
    run = [];
  };
  tokens.forEach((tok, i) => {
    const prev = tokens[i - 1];
    const gap = prev ? text.slice(prev.end, tok.start) : '';
    if (run.length > 0 && (prev?.possessive || !/^(?:[ \u00a0]+|[-‑])$/.test(gap))) flush();
    const first = i === 0 || /^[“‘"'(]*$/.test(text.slice(0, tok.start).trim());
    if (isCapitalised(tok.text)) {
      if (SPLIT_WORDS.has(tok.text.toLowerCase())) return flush();
      if (first && !isAcronym(tok.text) && isSentenceInitialWord(tok.text)) return flush();
      run.push(tok);
    } else if (run.length > 0 && CONNECTORS.has(tok.text)) {
      run.push(tok);
    } else {
      flush();
    }
  });
  flush();
  return out;
}

/** The uncovered names of the corpus, most frequent first. */
export function uncoveredNames(documents: readonly CorpusDocument[], catalog: readonly SourcedEntry[]): Uncovered[] {
  const { passages } = corpusPassages(documents);
  // Coverage as the build sees it: the matcher over each whole document, so a
  // weak alias counts where the article also names its entry strongly.
  const covered = new Map<string, { start: number; end: number }[]>();
  try {
    const entries = catalog.map((s) => ({ id: s.entry.id, type: s.entry.type, aliases: aliasesWithName(s.entry) }));
    for (const m of findMentions(documents, passages, entries)) {
      const list = covered.get(m.passageId) ?? [];
      list.push(m);
      covered.set(m.passageId, list);
    }
  } catch (e) {
    console.warn(`(the matcher rejected the catalog, nothing counts as covered: ${(e as Error).message})`);
  }
  // Words the corpus writes in lower case, or capitalised other than at a sentence start.
  const lower = new Set<string>();
  const midCapitalised = new Set<string>();
  for (const p of passages) {
    tokensOf(p.text).forEach((t, i) => {
      if (/^\p{Ll}/u.test(t.text)) lower.add(t.text);
      else if (i > 0) midCapitalised.add(t.text);
    });
  }
  // A sentence-initial word is a name only if the corpus also capitalises it mid-sentence.
  const sentenceInitialOnly = (w: string) => lower.has(w.toLowerCase()) || !midCapitalised.has(w);

  const found = new Map<string, Uncovered>();
  const add = (text: string, kind: Uncovered['kind'], p: Passage) => {
    const key = text.replace(/’/g, "'");
    const u = found.get(key);
    if (u) u.count++;
    else found.set(key, { text, kind, count: 1, example: { passageId: p.id, text: p.text } });
  };
  const office = (w: Token | undefined) => w !== undefined && OFFICES.has(w.text.toLowerCase());
  const demonym = (w: Token | undefined) => w !== undefined && DEMONYM_WORDS.has(w.text.toLowerCase());
  for (const p of passages) {
    const spans = covered.get(p.id) ?? [];
    const isCovered = (t: Token) => spans.some((c) => c.start <= t.start && c.end >= t.end);
    for (const words of runs(p.text, sentenceInitialOnly)) {
      // "Syrian President …", "Foreign Minister …": not part of the name.
      while (words.length > 0 && (office(words[0]) || (demonym(words[0]) && (office(words[1]) || demonym(words[1]))))) words.shift();
      // "Central Asian countries": an adjective phrase.
      if (words.length === 0 || demonym(words[words.length - 1])) continue;
      while (words.length > 0 && office(words[words.length - 1])) words.pop();
      if (words.length === 0) continue;
      // Everything a catalog alias does not already cover is a title or a demonym?
      if (!words.some((w) => isCapitalised(w.text) && !isCovered(w) && !office(w) && !demonym(w))) continue;
      const text = p.text.slice(words[0]!.start, words[words.length - 1]!.end);
      if (/^\d+$/.test(text) || /^\p{L}$/u.test(text)) continue;
      add(text, words.length === 1 && isAcronym(text) ? 'acronym' : 'name', p);
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const documents = loadDocuments(root);
  let catalog: SourcedEntry[] = [];
  try {
    catalog = loadCatalog(root);
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    console.warn(`${e.message}\n(the report uses no catalog until these are fixed)\n`);
  }
  const list = uncoveredNames(documents, catalog);
  const clip = (t: string) => (t.length > 140 ? `${t.slice(0, 137)}…` : t);
  for (const kind of ['name', 'acronym'] as const) {
    const rows = list.filter((u) => u.kind === kind);
    console.log(`\n${kind === 'name' ? 'Capitalised names' : 'Acronyms'} no catalog alias covers (${rows.length}):\n`);
    for (const u of rows) {
      console.log(`${String(u.count).padStart(4)}  ${u.text}\n      ${u.example.passageId}: ${clip(u.example.text)}`);
    }
  }
  console.log(`\n${catalog.length} catalog entries, ${documents.length} documents.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    console.error((e as Error).message);
  }
  process.exitCode = 0;
}
