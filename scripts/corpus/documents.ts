/**
 * The article files in `assets/corpus/<id>.md`: YAML front matter, then blocks
 * separated by blank lines. A block starting with `## ` is a section heading
 * (kept for readers of the file, not part of the document's paragraphs);
 * every other block is one paragraph, verbatim from the seed.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { CorpusDocument } from '../../src/shared/corpus';

/** The front matter of an article file. */
export interface DocumentMeta {
  title: string;
  outlet?: string;
  /** Why that outlet, when the text identifies it only indirectly. */
  outletBasis?: string;
  published: string;
  publishedInferred: boolean;
  publishedBasis: string;
  seeds: string[];
}

/** One block of an article body. */
export interface DocumentBlock {
  kind: 'heading' | 'paragraph';
  text: string;
}

/** An article file, parsed. */
export interface ParsedDocument {
  id: string;
  meta: DocumentMeta;
  blocks: DocumentBlock[];
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a real calendar date. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/** Error in an article file, naming the file. */
export class DocumentError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'DocumentError';
  }
}

/** Writes an article file. */
export function formatDocument(meta: DocumentMeta, blocks: readonly DocumentBlock[]): string {
  const ordered: Record<string, unknown> = { title: meta.title };
  if (meta.outlet !== undefined) ordered.outlet = meta.outlet;
  if (meta.outletBasis !== undefined) ordered.outletBasis = meta.outletBasis;
  ordered.published = meta.published;
  ordered.publishedInferred = meta.publishedInferred;
  ordered.publishedBasis = meta.publishedBasis;
  ordered.seeds = meta.seeds;
  const front = stringifyYaml(ordered, { lineWidth: 0, defaultStringType: 'PLAIN', flowCollectionPadding: false })
    // Keep ISO dates strings when read back by any YAML 1.1 reader.
    .replace(/^published: (\d{4}(?:-\d{2}){0,2})$/m, 'published: "$1"');
  const body = blocks.map((b) => (b.kind === 'heading' ? `## ${b.text}` : b.text)).join('\n\n');
  return `---\n${front}---\n\n${body}\n`;
}

/**
 * Reads an article file. Throws a {@link DocumentError} listing every problem
 * (missing or mistyped front matter, bad date, empty body).
 */
export function parseDocument(text: string, fileName: string): ParsedDocument {
  const id = fileName.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  const problems: string[] = [];
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new DocumentError([`${fileName}: missing front matter (--- … ---)`]);
  let raw: unknown;
  try {
    raw = parseYaml(m[1]!);
  } catch (e) {
    throw new DocumentError([`${fileName}: front matter is not valid YAML: ${(e as Error).message}`]);
  }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) problems.push(`${fileName}: id "${id}" is not a kebab-case slug`);
  const fm = (raw ?? {}) as Record<string, unknown>;
  const str = (key: string, required: boolean): string | undefined => {
    const v = fm[key];
    if (v === undefined || v === null) {
      if (required) problems.push(`${fileName}: front matter field "${key}" is missing`);
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      problems.push(`${fileName}: front matter field "${key}" must be a non-empty string`);
      return undefined;
    }
    return v;
  };
  const title = str('title', true);
  const outlet = str('outlet', false);
  const outletBasis = str('outletBasis', false);
  const published = str('published', true);
  const publishedBasis = str('publishedBasis', true);
  if (published !== undefined && !isIsoDate(published)) {
    problems.push(`${fileName}: published "${published}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  const publishedInferred = fm.publishedInferred;
  if (typeof publishedInferred !== 'boolean') {
    problems.push(`${fileName}: front matter field "publishedInferred" must be true or false`);
  }
  const seeds = fm.seeds;
  if (!Array.isArray(seeds) || seeds.length === 0 || !seeds.every((s) => typeof s === 'string' && s !== '')) {
    problems.push(`${fileName}: front matter field "seeds" must be a non-empty list of seed file names`);
  }
  const known = new Set(['title', 'outlet', 'outletBasis', 'published', 'publishedInferred', 'publishedBasis', 'seeds']);
  for (const key of Object.keys(fm)) {
    if (!known.has(key)) problems.push(`${fileName}: unknown front matter field "${key}"`);
  }
  const blocks: DocumentBlock[] = m[2]!
    .split(/\r?\n[ \t]*\r?\n/)
    .map((b) => b.replace(/^\s+|\s+$/g, ''))
    .filter((b) => b !== '')
    .map((b) => (b.startsWith('## ') ? { kind: 'heading', text: b.slice(3).trim() } : { kind: 'paragraph', text: b }));
  if (!blocks.some((b) => b.kind === 'paragraph')) problems.push(`${fileName}: the article has no paragraphs`);
  if (problems.length > 0) throw new DocumentError(problems);
  const meta: DocumentMeta = {
    title: title!,
    published: published!,
    publishedInferred: publishedInferred as boolean,
    publishedBasis: publishedBasis!,
    seeds: seeds as string[],
  };
  if (outlet !== undefined) meta.outlet = outlet;
  if (outletBasis !== undefined) meta.outletBasis = outletBasis;
  return { id, meta, blocks };
}

/** The runtime document of a parsed article file (headings left out). */
export function toCorpusDocument(doc: ParsedDocument): CorpusDocument {
  const out: CorpusDocument = {
    id: doc.id,
    title: doc.meta.title,
    published: doc.meta.published,
    publishedInferred: doc.meta.publishedInferred,
    publishedBasis: doc.meta.publishedBasis,
    seeds: [...doc.meta.seeds],
    paragraphs: doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text),
    origin: 'bundled',
  };
  if (doc.meta.outlet !== undefined) out.outlet = doc.meta.outlet;
  return out;
}
