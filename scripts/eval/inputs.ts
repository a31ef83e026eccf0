/**
 * What `npm run eval` feeds the matcher: the catalog as the content script
 * receives it, and a saved real page's text as the content script collects it.
 *
 * The page text is the content script's own walk (`collectPageText`, blocks
 * separated by U+0000) over the page parsed by happy-dom with scripts off: the
 * walk decides by tag name, never by computed style, so a DOM without layout
 * gives the same text as the browser.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { MatcherEntry } from '../../src/shared/matcher';
import { collectPageText } from '../../src/content/dom/page-text';
import { readPageDate } from '../../src/content/hover-card/page-date';
import { pageMatcherEntries } from '../../src/background/handlers/corpus';
import { aliasesWithName } from '../corpus/bundle';
import { parseCatalog } from '../corpus/catalog-yaml';
import { foldNames, loadNames } from '../corpus/names';

/** The project root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The saved real-world pages, shared by every worktree; read in place, never copied. */
export const REALPAGES = path.resolve(ROOT, '..', 'shared', 'realpages');

/** The catalog's entries as the background matches pages with them (`page.match`; `corpus.matcherEntries` for the reader view): name included, names in other languages folded in, corpus-only aliases left out. */
export function pageEntries(): MatcherEntry[] {
  const dir = path.join(ROOT, 'assets', 'catalog');
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => parseCatalog(readFileSync(path.join(dir, f), 'utf8'), f));
  foldNames(entries, loadNames(ROOT));
  return pageMatcherEntries(entries.map((e) => ({ ...e, aliases: aliasesWithName(e) })));
}

/** A page's text as the content script collects it, and its publication day when it says. */
export interface PageInput {
  text: string;
  date: string | undefined;
}

/** Reads `realpages/<name>` and collects its text (see the module comment). */
export async function readPage(name: string): Promise<PageInput> {
  const html = readFileSync(path.join(REALPAGES, name), 'utf8');
  const window = new Window({ url: 'http://127.0.0.1/', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableChildFrameNavigation: true } } });
  try {
    // The walk reads node-type constants from the global `Node`, as in a page.
    (globalThis as { Node?: unknown }).Node ??= window.Node;
    window.document.write(html);
    const doc = window.document as unknown as Document;
    return { text: collectPageText([doc.body]).text, date: readPageDate(doc) };
  } finally {
    await window.happyDOM.close();
  }
}
