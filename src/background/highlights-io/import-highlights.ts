/**
 * Reading an import file: our versioned JSON or W3C Web Annotation JSON-LD.
 * The whole file is checked before anything is written; the first problem is
 * reported with where it is ("highlights[3].selectors[0].exact: expected a
 * string"). Pure: returns the highlights to write, or the reason it cannot.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLOURS, type Highlight, type HighlightColour } from '../../shared/highlight';
import { normalizePageUrl, siteOf } from '../../shared/page-url';
import { ANNOTATION_ID_PREFIX } from './export-jsonld';
import { describeIssue } from './issue-message';
import { annotation, annotationTarget, ourFile, positionSelector, quoteSelector } from './import-schemas';
import { FORMAT_NAME, FORMAT_VERSION, MAX_IMPORT_CHARS, MAX_IMPORT_RECORDS } from './limits';
import { importTooLargeMessage } from '../../shared/import-limits';
import { MAX_ENTRY_ID_LENGTH, MAX_HIGHLIGHT_ID_LENGTH, highlightProblem } from '../../shared/highlight-rules';

/** The outcome of reading a file. */
export type ParsedImport = { ok: true; format: 'json' | 'jsonld'; highlights: Highlight[] } | { ok: false; message: string };

const fail = (message: string): ParsedImport => ({ ok: false, message });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tooMany(count: number): ParsedImport {
  return fail(`This file holds ${count.toLocaleString('en')} highlights; Backstory imports at most ${MAX_IMPORT_RECORDS.toLocaleString('en')} at a time. Split it into smaller files.`);
}

/**
 * `normalizePageUrl`, skipping its query rewriting for the common address
 * with no query and no fragment (where it changes nothing): a 10,000-record
 * import spends most of its URL time there.
 */
function normalizeQuickly(raw: string): string {
  return /[?#]/.test(raw) ? normalizePageUrl(raw) : new URL(raw).toString();
}

/** Reads an import file's text; what it returns passes the rules every write path checks. */
export function parseImport(text: string, now = Date.now()): ParsedImport {
  const parsed = parseFile(text, now);
  if (!parsed.ok) return parsed;
  for (const [i, h] of parsed.highlights.entries()) {
    const problem = highlightProblem(h, now);
    if (problem) return fail(`Highlight ${(i + 1).toLocaleString('en')} of the file: ${problem}`);
  }
  return parsed;
}

function parseFile(text: string, now: number): ParsedImport {
  // First, before any parsing: an oversized file costs one length check.
  if (text.length > MAX_IMPORT_CHARS) return fail(importTooLargeMessage(text.length));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`This file is not valid JSON (${error instanceof Error ? error.message : String(error)}), so it cannot be a highlights export.`);
  }
  if (isObject(data) && 'format' in data) return parseOurs(data, now);
  const annotations = annotationsOf(data);
  if (annotations) return parseAnnotations(annotations.items, annotations.root, now);
  return fail('This is neither a Backstory highlights file nor a W3C Web Annotation file: expected an object with "format": "backstory-highlights" or an AnnotationCollection.');
}

function parseOurs(data: Record<string, unknown>, now: number): ParsedImport {
  if (data.format !== FORMAT_NAME) return fail(`format: expected "${FORMAT_NAME}", found ${JSON.stringify(data.format)}.`);
  if (data.version !== FORMAT_VERSION) {
    return fail(`This file is version ${JSON.stringify(data.version)} of the Backstory highlights format; this version of Backstory reads version ${FORMAT_VERSION} only.`);
  }
  if (Array.isArray(data.highlights) && data.highlights.length > MAX_IMPORT_RECORDS) return tooMany(data.highlights.length);
  const parsed = v.safeParse(ourFile, data);
  if (!parsed.success) return fail(describeIssue(parsed.issues[0]));
  const highlights: Highlight[] = [];
  for (const [i, h] of parsed.output.highlights.entries()) {
    if (h.selectors[0].exact !== h.quote) return fail(`highlights[${i}].quote: differs from selectors[0].exact`);
    const url = normalizeQuickly(h.url);
    highlights.push({ ...h, url, site: siteOf(url), createdAt: Math.min(h.createdAt, now), updatedAt: Math.min(Math.max(h.updatedAt, h.createdAt), now) });
  }
  return { ok: true, format: 'json', highlights };
}

/** The annotations of a JSON-LD document and the path they sit at, or null when it is not one. */
function annotationsOf(data: unknown): { items: unknown[]; root: string } | null {
  if (Array.isArray(data)) return { items: data, root: '' };
  if (!isObject(data)) return null;
  if (data.type === 'AnnotationCollection') {
    const first = data.first;
    if (isObject(first) && Array.isArray(first.items)) return { items: first.items, root: 'first.items' };
    if (Array.isArray(data.items)) return { items: data.items, root: 'items' };
    return { items: [], root: 'first.items' };
  }
  if (data.type === 'AnnotationPage' && Array.isArray(data.items)) return { items: data.items, root: 'items' };
  if (data.type === 'Annotation') return { items: [data], root: '' };
  return null;
}

/** A short stable hash, so an annotation without an id gets the same id on every import. */
function stableId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `imported-${(h >>> 0).toString(36)}-${text.length.toString(36)}`;
}

function noteOf(a: v.InferOutput<typeof annotation>): string {
  if (a.bodyValue) return a.bodyValue;
  const bodies = Array.isArray(a.body) ? a.body : a.body === undefined ? [] : [a.body];
  return bodies
    .map((b) => (typeof b === 'string' ? '' : isObject(b) && (b.type === 'TextualBody' || b.type === undefined) && typeof b.value === 'string' ? b.value : ''))
    .filter(Boolean)
    .join('\n\n');
}

/** Epoch ms of an ISO date, never in the future; `fallback` when absent or unreadable. */
function timeOf(iso: string | undefined, fallback: number, now: number): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) && t >= 0 ? Math.min(t, now) : fallback;
}

function parseAnnotations(items: unknown[], root: string, now: number): ParsedImport {
  if (items.length > MAX_IMPORT_RECORDS) return tooMany(items.length);
  const highlights: Highlight[] = [];
  for (const [i, item] of items.entries()) {
    const at = root ? `${root}[${i}]` : `[${i}]`;
    const parsed = v.safeParse(annotation, item);
    if (!parsed.success) return fail(describeIssue(parsed.issues[0], at));
    const a = parsed.output;
    const target = (Array.isArray(a.target) ? a.target[0] : a.target) as v.InferOutput<typeof annotationTarget> | undefined;
    if (!target) return fail(`${at}.target: is empty`);
    const selectors = Array.isArray(target.selector) ? target.selector : [target.selector];
    const targetPath = `${at}.target${Array.isArray(a.target) ? '[0]' : ''}`;
    const quoteIndex = selectors.findIndex((s) => s.type === 'TextQuoteSelector');
    if (quoteIndex < 0) return fail(`${targetPath}.selector: has no TextQuoteSelector, so the passage cannot be found again`);
    const quote = v.safeParse(quoteSelector, selectors[quoteIndex]);
    if (!quote.success) return fail(describeIssue(quote.issues[0], `${targetPath}.selector[${quoteIndex}]`));
    const positionIndex = selectors.findIndex((s) => s.type === 'TextPositionSelector');
    let position = { type: 'TextPositionSelector' as const, start: 0, end: quote.output.exact.length };
    if (positionIndex >= 0) {
      const parsedPosition = v.safeParse(positionSelector, selectors[positionIndex]);
      if (!parsedPosition.success) return fail(describeIssue(parsedPosition.issues[0], `${targetPath}.selector[${positionIndex}]`));
      position = parsedPosition.output;
    }
    const url = normalizeQuickly(target.source);
    const created = timeOf(a.created, now, now);
    // An id no message could address later (over the bound) is replaced, as a missing one is.
    const own = a.id?.startsWith(ANNOTATION_ID_PREFIX) ? a.id.slice(ANNOTATION_ID_PREFIX.length) : a.id;
    const id = own !== undefined && own.length <= MAX_HIGHLIGHT_ID_LENGTH ? own : stableId(`${url}\u0000${quote.output.exact}\u0000${position.start}`);
    if (!id) return fail(`${at}.id: is empty`);
    const colour = HIGHLIGHT_COLOURS.includes(a['bs:colour'] as HighlightColour) ? (a['bs:colour'] as HighlightColour) : 'yellow';
    highlights.push({
      id,
      url,
      site: siteOf(url),
      title: a['bs:title'] ?? '',
      quote: quote.output.exact,
      selectors: [{ type: 'TextQuoteSelector', exact: quote.output.exact, prefix: quote.output.prefix, suffix: quote.output.suffix }, position],
      colour,
      note: noteOf(a).slice(0, 100_000),
      entityIds: (a['bs:entities'] ?? []).filter((e) => e.length > 0 && e.length <= MAX_ENTRY_ID_LENGTH),
      createdAt: created,
      updatedAt: Math.max(created, timeOf(a.modified, created, now)),
    });
  }
  return { ok: true, format: 'jsonld', highlights };
}
