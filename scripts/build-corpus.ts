/**
 * The corpus build: reads `assets/corpus/*.md` and `assets/catalog/*.yaml`,
 * validates both, and writes the bundle the extension loads.
 *
 *   npx tsx scripts/build-corpus.ts [outFile]     (default dist/corpus.json)
 *
 * Exits 1 with one line per problem (`<file>: <entry id>: <problem>`) when the
 * catalog or a document is invalid.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusBundle, CorpusDocument } from '../src/shared/corpus';
import { assembleCorpus, type SourcedEntry } from './corpus/bundle';
import { CatalogError, parseCatalog, type CatalogProblem } from './corpus/catalog-yaml';
import { foldNames, loadNames } from './corpus/names';
import { DocumentError, parseDocument, toCorpusDocument } from './corpus/documents';

export { CatalogError, formatProblem, parseCatalog, formatCatalog } from './corpus/catalog-yaml';
export type { CatalogProblem } from './corpus/catalog-yaml';
export { DocumentError } from './corpus/documents';
export { assembleCorpus, type SourcedEntry } from './corpus/bundle';

/** Where the seed files live: `$BACKSTORY_SEED_DIR`, else `<root>/../shared/corpus`. */
export function seedDir(root: string): string {
  return process.env.BACKSTORY_SEED_DIR ?? path.resolve(root, '../shared/corpus');
}

/**
 * Reads and validates every article in `<root>/assets/corpus`. Seeds are checked
 * against the seed directory when it exists (it is outside the repository).
 */
export function loadDocuments(root: string): CorpusDocument[] {
  const dir = path.join(root, 'assets/corpus');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
  const problems: string[] = [];
  const docs: CorpusDocument[] = [];
  const seeds = seedDir(root);
  const checkSeeds = existsSync(seeds);
  for (const file of files) {
    try {
      const doc = toCorpusDocument(parseDocument(readFileSync(path.join(dir, file), 'utf8'), `assets/corpus/${file}`));
      if (checkSeeds) {
        for (const seed of doc.seeds) {
          if (!existsSync(path.join(seeds, seed))) problems.push(`assets/corpus/${file}: seed "${seed}" not found in ${seeds}`);
        }
      }
      docs.push(doc);
    } catch (e) {
      if (e instanceof DocumentError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (files.length === 0) problems.push(`${dir}: no articles (*.md)`);
  if (problems.length > 0) throw new DocumentError(problems);
  return docs;
}

/** Parses every `<root>/assets/catalog/*.yaml`, collecting the problems of all files, and folds in the names of `names/*.yaml`. */
export function loadCatalog(root: string): SourcedEntry[] {
  const dir = path.join(root, 'assets/catalog');
  if (!existsSync(dir)) return [];
  const problems: CatalogProblem[] = [];
  const out: SourcedEntry[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    try {
      for (const entry of parseCatalog(readFileSync(path.join(dir, file), 'utf8'), file)) out.push({ file, entry });
    } catch (e) {
      if (e instanceof CatalogError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length === 0) {
    try {
      problems.push(...foldNames(out.map((s) => s.entry), loadNames(root)));
    } catch (e) {
      if (e instanceof CatalogError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return out;
}

/**
 * Builds the corpus bundle of the project at `root`. Throws a
 * {@link DocumentError} or a {@link CatalogError} listing every problem.
 */
export async function buildCorpus(root: string): Promise<CorpusBundle> {
  const documents = loadDocuments(root);
  let catalog: SourcedEntry[];
  try {
    catalog = loadCatalog(root);
  } catch (e) {
    // Report structural and semantic problems together where possible.
    if (!(e instanceof CatalogError)) throw e;
    const structural = e.problems;
    const parsed = loadCatalogLenient(root);
    try {
      assembleCorpus(documents, parsed);
    } catch (e2) {
      if (e2 instanceof CatalogError) throw new CatalogError([...structural, ...e2.problems]);
      throw e2;
    }
    throw e;
  }
  return assembleCorpus(documents, catalog);
}

/** The entries of the files that parse, skipping files that do not. */
function loadCatalogLenient(root: string): SourcedEntry[] {
  const dir = path.join(root, 'assets/catalog');
  const out: SourcedEntry[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    try {
      for (const entry of parseCatalog(readFileSync(path.join(dir, file), 'utf8'), file)) out.push({ file, entry });
    } catch {
      /* reported by loadCatalog */
    }
  }
  return out;
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const outFile = path.resolve(process.argv[2] ?? path.join(root, 'dist/corpus.json'));
  try {
    const bundle = await buildCorpus(root);
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify(bundle));
    const co = bundle.relations.filter((r) => r.kind === 'co-mention').length;
    console.log(
      `corpus: ${bundle.documents.length} documents, ${bundle.passages.length} passages, ${bundle.entries.length} entries, ` +
        `${bundle.mentions.length} mentions, ${bundle.relations.length - co} authored + ${co} co-mention relations, ` +
        `${bundle.timeline.length} timeline events; as of ${bundle.asOf}; hash ${bundle.hash.slice(0, 12)} → ${path.relative(process.cwd(), outFile)}`,
    );
  } catch (e) {
    if (e instanceof CatalogError || e instanceof DocumentError) {
      console.error(e.message);
      process.exitCode = 1;
      return;
    }
    throw e;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
