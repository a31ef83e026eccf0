/**
 * Reading Hypothesis annotations: the client's JSON export
 * (`{ export_date, annotations: [...] }`), an API search answer
 * (`{ total, rows: [...] }`) or a plain list, each annotation in the API's
 * shape (`uri`, `text` in Markdown, `tags`, `created`, `updated`,
 * `document.title`, `references`, `target[].selector`). Highlights keep their
 * tags and their Markdown note; page notes are skipped; a reply is added to
 * the note of the annotation its thread starts from, or skipped when that is
 * not in the file.
 */
import * as v from 'valibot';
import { MAX_NOTE_LENGTH } from '../../shared/highlight-rules';
import type { Highlight, TextPositionSelector } from '../../shared/highlight';
import { siteOf } from '../../shared/page-url';
import { describeIssue } from './issue-message';
import { pageUrl, positionSelector, quoteSelector, text } from './import-schemas';
import { SKIP, isObject, normalizeQuickly, timeOf, type ItemsOutcome, type Json, type SkipCounts } from './import-common';
import type { ImportSkipReason } from '../../shared/protocol';
import { isIri } from './w3c-rules';
import type { Stages } from './stages';

/** Where Hypothesis serves an annotation, so its id becomes a stable IRI: a re-import finds the same highlight. */
const HYPOTHESIS_ANNOTATION = 'https://hypothes.is/a/';

const hypothesisAnnotation = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(200, 'is longer than 200 characters')),
  uri: pageUrl,
  text: v.optional(text(MAX_NOTE_LENGTH), ''),
  tags: v.optional(v.array(text(2_000)), []),
  created: v.optional(v.string()),
  updated: v.optional(v.string()),
  user: v.optional(v.string()),
  references: v.optional(v.array(v.string()), []),
  document: v.optional(v.looseObject({ title: v.optional(v.union([v.array(v.string()), v.string()])) })),
  target: v.array(v.looseObject({ source: v.optional(v.string()), selector: v.optional(v.array(v.looseObject({ type: v.string() }))) }), 'expected a list of targets'),
});

type HypothesisAnnotation = v.InferOutput<typeof hypothesisAnnotation>;

/** True when `item` looks like a Hypothesis API annotation (and not a W3C one). */
export function isHypothesisAnnotation(item: unknown): boolean {
  return isObject(item) && typeof item.uri === 'string' && Array.isArray(item.target) && !('@context' in item);
}

/** The annotations of a Hypothesis file and the path they sit at, or null when it is not one. */
export function hypothesisItems(data: unknown): { items: unknown[]; root: string } | null {
  if (Array.isArray(data) && data.length > 0 && isHypothesisAnnotation(data[0])) return { items: data, root: '' };
  if (!isObject(data)) return null;
  if (Array.isArray(data.annotations) && ('export_date' in data || data.annotations.some(isHypothesisAnnotation))) return { items: data.annotations, root: 'annotations' };
  if (Array.isArray(data.rows) && data.rows.some(isHypothesisAnnotation)) return { items: data.rows, root: 'rows' };
  if (isHypothesisAnnotation(data)) return { items: [data], root: '' };
  return null;
}

/** "alice" of "acct:alice@hypothes.is". */
function userName(user: string | undefined): string {
  return user?.replace(/^acct:/, '').replace(/@.*$/, '') || 'someone';
}

function titleOf(a: HypothesisAnnotation): string {
  const title = a.document?.title;
  return (Array.isArray(title) ? title[0] : title)?.slice(0, 2_000) ?? '';
}

/** One highlight annotation, or the reason it is not one. */
function toHighlight(a: HypothesisAnnotation, at: string, now: number): Highlight | { skip: ImportSkipReason } | { message: string } {
  const target = a.target.find((t) => t.selector?.some((s) => s.type === 'TextQuoteSelector'));
  if (!target) return { skip: SKIP.pageNote };
  const selectors = target.selector!;
  const quoteIndex = selectors.findIndex((s) => s.type === 'TextQuoteSelector');
  const quote = v.safeParse(quoteSelector, selectors[quoteIndex]);
  if (!quote.success) return { message: describeIssue(quote.issues[0], `${at}.target[${a.target.indexOf(target)}].selector[${quoteIndex}]`) };
  const positionIndex = selectors.findIndex((s) => s.type === 'TextPositionSelector');
  let position: TextPositionSelector | undefined;
  if (positionIndex >= 0) {
    const parsed = v.safeParse(positionSelector, selectors[positionIndex]);
    if (!parsed.success) return { message: describeIssue(parsed.issues[0], `${at}.target[${a.target.indexOf(target)}].selector[${positionIndex}]`) };
    position = parsed.output;
  }
  const source = target.source && /^https?:/.test(target.source) ? target.source : a.uri;
  const url = normalizeQuickly(source);
  const created = timeOf(a.created, now, now);
  const { prefix, suffix, exact } = quote.output;
  // The target as W3C selectors, only those Hypothesis observed (its RangeSelector is not the model's and is left out).
  const observed: Json[] = [{ type: 'TextQuoteSelector', exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) }];
  if (position) observed.push({ ...position });
  const fields: Json = { motivation: a.text ? 'commenting' : 'highlighting' };
  if (isIri(a.user)) fields.creator = a.user;
  return {
    id: `${HYPOTHESIS_ANNOTATION}${a.id}`,
    url,
    site: siteOf(url),
    title: titleOf(a),
    quote: exact,
    selectors: [{ type: 'TextQuoteSelector', exact, prefix, suffix }, position ?? { type: 'TextPositionSelector', start: 0, end: exact.length }],
    colour: 'yellow',
    note: a.text,
    entityIds: [],
    createdAt: created,
    updatedAt: Math.max(created, timeOf(a.updated, created, now)),
    kept: { fields, targets: [{ source, selector: observed }], bodies: [], tags: a.tags, noteBody: { type: 'TextualBody', format: 'text/markdown', purpose: 'commenting' } },
  };
}

/** Reads Hypothesis annotations found at `root`, yielding after each (see `stages.ts`). */
export function* readHypothesis(items: readonly unknown[], root: string, now: number): Stages<ItemsOutcome> {
  const parsed: HypothesisAnnotation[] = [];
  for (const [i, item] of items.entries()) {
    const result = v.safeParse(hypothesisAnnotation, item);
    if (!result.success) return { ok: false, message: describeIssue(result.issues[0], root ? `${root}[${i}]` : `[${i}]`) };
    parsed.push(result.output);
    yield;
  }
  const highlights: Highlight[] = [];
  const byHypothesisId = new Map<string, Highlight>();
  const skipped: SkipCounts = {};
  const skip = (reason: ImportSkipReason) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  for (const [i, a] of parsed.entries()) {
    if (a.references.length > 0) continue;
    const made = toHighlight(a, root ? `${root}[${i}]` : `[${i}]`, now);
    if ('message' in made) return { ok: false, message: made.message };
    if ('skip' in made) {
      skip(made.skip);
      continue;
    }
    highlights.push(made);
    byHypothesisId.set(a.id, made);
    yield;
  }
  // Replies in thread order (oldest first) under the annotation the thread starts from.
  const replies = parsed.filter((a) => a.references.length > 0).sort((a, b) => timeOf(a.created, 0, now) - timeOf(b.created, 0, now));
  for (const reply of replies) {
    const parent = byHypothesisId.get(reply.references[0]!);
    if (!parent) {
      skip(SKIP.orphanReply);
      continue;
    }
    const when = reply.created ? ` (${reply.created.slice(0, 10)})` : '';
    if (parent.kept) parent.kept.fields.motivation = 'commenting';
    parent.note = `${parent.note}\n\n**Reply from ${userName(reply.user)}${when}:** ${reply.text}`.trim().slice(0, 100_000);
  }
  return { ok: true, highlights, skipped };
}
