/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/): one
 * AnnotationCollection whose single AnnotationPage (with its own `id` and
 * `partOf`) lists every highlight as a self-contained `Annotation` with its
 * own `@context`, so a tool reading annotations one at a time understands
 * each. Nothing is invented: a highlight made in Backstory is written with the
 * selectors it observed; an imported one with its targets, bodies, motivation
 * and other keys as given, its tags as tagging bodies and its note in its own
 * format. Our colour, title and entities are extension fields under `bs:`;
 * optional keys are left out when empty.
 */
import type { Highlight } from '../../shared/highlight';
import { isoTimeOf } from '../../shared/highlight-rules';
import { annotationIdOf } from './annotation-ids';
import { ANNO_CONTEXT, BACKSTORY_NS } from './limits';

/** The context every annotation we write carries: the model's, plus our `bs:` prefix. */
function contextOf(h: Highlight): unknown[] {
  const others = h.kept?.fields['@context'];
  return [ANNO_CONTEXT, ...(Array.isArray(others) ? others : []), { bs: BACKSTORY_NS }];
}

/** The target of a highlight made in Backstory: its page and the selectors it observed, without empty context. */
function ownTarget(h: Highlight): Record<string, unknown> {
  const [quote, position] = h.selectors;
  return {
    source: h.url,
    selector: [{ type: quote.type, exact: quote.exact, ...(quote.prefix ? { prefix: quote.prefix } : {}), ...(quote.suffix ? { suffix: quote.suffix } : {}) }, position],
  };
}

/** The bodies: the note in its stored form, then the tags as tagging bodies, then the bodies kept as given. */
function bodiesOf(h: Highlight): { body?: unknown; bodyValue?: string } {
  const kept = h.kept;
  if (kept?.noteBody === 'bodyValue' && kept.tags.length === 0 && kept.bodies.length === 0) return h.note ? { bodyValue: h.note } : {};
  const noteBody = kept?.noteBody && kept.noteBody !== 'bodyValue' ? kept.noteBody : { type: 'TextualBody', format: 'text/plain', purpose: 'commenting' };
  const bodies: unknown[] = [];
  if (h.note) bodies.push({ ...noteBody, value: h.note });
  for (const tag of kept?.tags ?? []) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  bodies.push(...(kept?.bodies ?? []));
  if (bodies.length === 0) return {};
  return { body: bodies.length === 1 ? bodies[0] : bodies };
}

/** One highlight as a self-contained W3C Annotation. */
export function toAnnotation(h: Highlight): Record<string, unknown> {
  const { '@context': _context, ...fields } = h.kept?.fields ?? {};
  const targets = h.kept?.targets ?? [ownTarget(h)];
  return {
    '@context': contextOf(h),
    id: annotationIdOf(h.id),
    type: 'Annotation',
    // Ours say what the reader did; an imported annotation's motivation is given back as it was (or left absent).
    ...(h.kept ? {} : { motivation: h.note ? 'commenting' : 'highlighting' }),
    // A stored time that is no date is left out (both are optional in W3C), not allowed to fail the export.
    created: isoTimeOf(h.createdAt),
    modified: isoTimeOf(h.updatedAt),
    ...fields,
    ...bodiesOf(h),
    target: targets.length === 1 ? targets[0] : targets,
    'bs:colour': h.colour,
    ...(h.title ? { 'bs:title': h.title } : {}),
    ...(h.entityIds.length ? { 'bs:entities': h.entityIds } : {}),
  };
}

/** The collection's IRI for an export made at `date`; its page's IRI adds `/page/1`. */
export function collectionIdOf(date: Date): string {
  return `${BACKSTORY_NS}export:${date.toISOString()}`;
}

/**
 * The text of a JSON-LD export around its annotations: `head` and `tail`
 * enclose the annotations, written one per line with commas between, so the
 * file can be produced in pieces.
 */
export function jsonLdFrame(total: number, date: Date): { head: string; tail: string } {
  const id = collectionIdOf(date);
  const collection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Backstory highlights',
    generated: date.toISOString(),
    total,
    first: { id: `${id}/page/1`, type: 'AnnotationPage', partOf: id, startIndex: 0, items: ['\u0000'] },
  };
  const [head, tail] = JSON.stringify(collection).split('"\\u0000"') as [string, string];
  return { head: `${head}\n`, tail: `\n${tail}\n` };
}

/** Every highlight as a JSON-LD AnnotationCollection, in one string (the Data view builds its download in pieces from the same frame). */
export function exportJsonLd(highlights: readonly Highlight[], now = new Date()): string {
  const { head, tail } = jsonLdFrame(highlights.length, now);
  return head + highlights.map((h) => JSON.stringify(toAnnotation(h))).join(',\n') + tail;
}
