/**
 * Reading W3C Web Annotations. Every annotation is checked against the
 * model's MUST rules first (`w3c-rules.ts`); a breach refuses the file,
 * naming the rule and the item. An annotation Backstory can place (a web
 * page target with a TextQuoteSelector anywhere in its selector tree) becomes
 * a highlight that keeps, as given, everything it does not use; one it cannot
 * place is skipped and counted by reason.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLOURS, type Highlight, type HighlightColour, type KeptAnnotation, type TextPositionSelector, type TextQuoteSelector } from '../../shared/highlight';
import { siteOf } from '../../shared/page-url';
import { MAX_ENTRY_ID_LENGTH, MAX_HIGHLIGHT_ID_LENGTH, MAX_NOTE_LENGTH, MAX_TITLE_LENGTH } from '../../shared/highlight-rules';
import { ANNOTATION_ID_PREFIX } from './annotation-ids';
import { toAnnotation } from './export-jsonld';
import { describeIssue } from './issue-message';
import { positionSelector, quoteSelector, text } from './import-schemas';
import { ANNO_CONTEXT, BACKSTORY_NS } from './limits';
import { annotationBreach, describeBreach } from './w3c-rules';
import type { Stages } from './stages';
import { SKIP, isObject, isPageAddress, listOf, normalizeQuickly, timeOf, type ItemsOutcome, type Json, type SkipCounts } from './import-common';
import type { ImportSkipReason } from '../../shared/protocol';

/** Keys of an annotation this reader turns into the highlight's own fields; every other key is kept as given. */
const READ_KEYS = new Set(['@context', 'id', 'type', 'target', 'body', 'bodyValue', 'created', 'modified', 'bs:colour', 'bs:title', 'bs:entities']);

const extensions = v.object({
  'bs:colour': v.optional(v.unknown()),
  'bs:title': v.optional(text(MAX_TITLE_LENGTH)),
  'bs:entities': v.optional(v.array(v.string())),
});

interface Placement {
  url: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector | undefined;
  quotePath: string;
  positionPath: string;
}

/** The selectors of a selector tree, each with its path: list items, then what refines them (`refinedBy`, depth first). */
function* selectorTree(value: unknown, path: string): Generator<{ selector: Json; path: string }> {
  const list = listOf(value);
  for (const [i, s] of list.entries()) {
    if (!isObject(s)) continue;
    const at = Array.isArray(value) ? `${path}[${i}]` : path;
    yield { selector: s, path: at };
    if ('refinedBy' in s) yield* selectorTree(s.refinedBy, `${at}.refinedBy`);
  }
}

/** Where an annotation's first placeable target points, or why none can be placed. */
function place(targets: unknown[], targetsPath: (i: number) => string): Placement | { skip: ImportSkipReason } {
  let reason: ImportSkipReason = SKIP.addressOnly;
  for (const [i, t] of targets.entries()) {
    if (!isObject(t) || !('source' in t)) {
      if (isObject(t) && (t.type === 'Image' || t.type === 'Video' || t.type === 'Sound')) reason = SKIP.media;
      continue;
    }
    const source = isObject(t.source) ? t.source.id : t.source;
    const sourceType = isObject(t.source) ? t.source.type : undefined;
    if (typeof source !== 'string' || !isPageAddress(source)) {
      reason = SKIP.notWebPage;
      continue;
    }
    let quote: { selector: Json; path: string } | undefined;
    let position: { selector: Json; path: string } | undefined;
    for (const found of selectorTree(t.selector, `${targetsPath(i)}.selector`)) {
      if (!quote && found.selector.type === 'TextQuoteSelector') quote = found;
      if (!position && found.selector.type === 'TextPositionSelector') position = found;
    }
    if (!quote) {
      reason = sourceType === 'Image' || sourceType === 'Video' || 'selector' in t ? SKIP.media : SKIP.addressOnly;
      continue;
    }
    return {
      url: source,
      quote: quote.selector as unknown as TextQuoteSelector,
      position: position?.selector as unknown as TextPositionSelector | undefined,
      quotePath: quote.path,
      positionPath: position?.path ?? '',
    };
  }
  return { skip: reason };
}

/** The note, tags and unused bodies of an annotation. */
function bodiesOf(a: Json): Pick<KeptAnnotation, 'bodies' | 'tags' | 'noteBody'> & { note: string } {
  if (typeof a.bodyValue === 'string') return { note: a.bodyValue, noteBody: 'bodyValue', tags: [], bodies: [] };
  let note: string | undefined;
  let noteBody: Json | undefined;
  const tags: string[] = [];
  const bodies: unknown[] = [];
  for (const b of listOf(a.body)) {
    const textual = isObject(b) && typeof b.value === 'string' && (b.type === 'TextualBody' || b.type === undefined) && !('id' in b);
    if (textual && b.purpose === 'tagging') tags.push(b.value as string);
    else if (textual && note === undefined) {
      note = b.value as string;
      const { value: _value, ...rest } = b;
      noteBody = rest;
    } else bodies.push(b);
  }
  return { note: note ?? '', noteBody, tags, bodies };
}

/** The annotation's id as the highlight's: ours without our prefix, anyone else's as given. */
function idOf(id: string): string {
  return id.startsWith(ANNOTATION_ID_PREFIX) ? id.slice(ANNOTATION_ID_PREFIX.length) : id;
}

/** The context entries beyond the Web Annotation context and ours, kept so the annotation's other terms keep their meaning. */
function otherContexts(context: unknown): unknown[] {
  return listOf(context).filter((c) => c !== ANNO_CONTEXT && !(isObject(c) && c.bs === BACKSTORY_NS && Object.keys(c).length === 1));
}

function withoutKept(h: Highlight): Highlight {
  const { kept: _kept, ...rest } = h;
  return rest;
}

/** True when our export writes `annotation` back exactly from the highlight alone, so there is nothing to keep (Backstory's own files). */
function isOwnExport(h: Highlight, annotation: Json): boolean {
  const { '@context': _ours, ...written } = toAnnotation(withoutKept(h));
  const { '@context': _theirs, ...given } = annotation;
  return JSON.stringify(written) === JSON.stringify(given);
}

/**
 * Reads W3C annotations found at `root` (`first.items`, `items` or a lone annotation); `inheritsContext` when their
 * container carries it. Yields after each annotation (see `stages.ts`).
 */
export function* readAnnotations(items: readonly unknown[], root: string, inheritsContext: boolean, now: number): Stages<ItemsOutcome> {
  const highlights: Highlight[] = [];
  const skipped: SkipCounts = {};
  for (const [i, item] of items.entries()) {
    const at = root ? `${root}[${i}]` : items.length === 1 ? '' : `[${i}]`;
    const breach = annotationBreach(item, inheritsContext);
    if (breach) return { ok: false, message: describeBreach(breach, at) };
    const a = item as Json;
    const ext = v.safeParse(extensions, a);
    if (!ext.success) return { ok: false, message: describeIssue(ext.issues[0], at) };
    const id = idOf(a.id as string);
    if (id.length === 0 || id.length > MAX_HIGHLIGHT_ID_LENGTH) return { ok: false, message: `${at ? `${at}.` : ''}id: expected an id of 1 to ${MAX_HIGHLIGHT_ID_LENGTH.toLocaleString('en')} characters` };
    const targets = listOf(a.target);
    const placed = place(targets, (t) => `${at}.target${Array.isArray(a.target) ? `[${t}]` : ''}`.replace(/^\./, ''));
    if ('skip' in placed) {
      skipped[placed.skip] = (skipped[placed.skip] ?? 0) + 1;
      yield;
      continue;
    }
    const quote = v.safeParse(quoteSelector, placed.quote);
    if (!quote.success) return { ok: false, message: describeIssue(quote.issues[0], placed.quotePath) };
    let position: TextPositionSelector = { type: 'TextPositionSelector', start: 0, end: quote.output.exact.length };
    if (placed.position) {
      const parsed = v.safeParse(positionSelector, placed.position);
      if (!parsed.success) return { ok: false, message: describeIssue(parsed.issues[0], placed.positionPath) };
      position = parsed.output;
    }
    const url = normalizeQuickly(placed.url);
    const created = timeOf(a.created as string | undefined, now, now);
    const { note, ...body } = bodiesOf(a);
    const fields: Json = {};
    for (const [key, value] of Object.entries(a)) if (!READ_KEYS.has(key)) fields[key] = value;
    if (a.type !== 'Annotation') fields.type = a.type;
    const contexts = otherContexts(a['@context']);
    if (contexts.length) fields['@context'] = contexts;
    const colour = HIGHLIGHT_COLOURS.includes(ext.output['bs:colour'] as HighlightColour) ? (ext.output['bs:colour'] as HighlightColour) : 'yellow';
    const highlight: Highlight = {
      id,
      url,
      site: siteOf(url),
      title: ext.output['bs:title'] ?? '',
      quote: quote.output.exact,
      selectors: [{ type: 'TextQuoteSelector', exact: quote.output.exact, prefix: quote.output.prefix, suffix: quote.output.suffix }, position],
      colour,
      note: note.slice(0, MAX_NOTE_LENGTH),
      entityIds: (ext.output['bs:entities'] ?? []).filter((e) => e.length > 0 && e.length <= MAX_ENTRY_ID_LENGTH),
      createdAt: created,
      updatedAt: Math.max(created, timeOf(a.modified as string | undefined, created, now)),
      kept: { fields, targets, ...body },
    };
    highlights.push(isOwnExport(highlight, a) ? withoutKept(highlight) : highlight);
    yield;
  }
  return { ok: true, highlights, skipped };
}
