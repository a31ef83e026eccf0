/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/): one
 * AnnotationCollection whose single page lists every highlight as an
 * `Annotation` with `target.source` and `target.selector` (TextQuoteSelector,
 * TextPositionSelector), the note as a TextualBody, and our colour, title and
 * entities as extension fields under the `bs:` prefix.
 */
import type { Highlight } from '../../shared/highlight';
import { isoTimeOf } from '../../shared/highlight-rules';
import { ANNO_CONTEXT, BACKSTORY_NS } from './limits';

/** The id prefix of our annotations, so an import gets our ids back. */
export const ANNOTATION_ID_PREFIX = `${BACKSTORY_NS}highlight:`;

/** One highlight as a W3C Annotation (without `@context`; the collection carries it). */
export function toAnnotation(h: Highlight): Record<string, unknown> {
  const annotation: Record<string, unknown> = {
    id: ANNOTATION_ID_PREFIX + h.id,
    type: 'Annotation',
    motivation: h.note ? 'commenting' : 'highlighting',
    // A stored time that is no date is left out (both are optional in W3C), not allowed to fail the export.
    created: isoTimeOf(h.createdAt),
    modified: isoTimeOf(h.updatedAt),
    target: { source: h.url, selector: [h.selectors[0], h.selectors[1]] },
    'bs:colour': h.colour,
    'bs:title': h.title,
    'bs:entities': h.entityIds,
  };
  if (h.note) annotation.body = { type: 'TextualBody', value: h.note, format: 'text/plain', purpose: 'commenting' };
  return annotation;
}

/** Every highlight as a JSON-LD AnnotationCollection. */
export function exportJsonLd(highlights: readonly Highlight[], now = new Date()): string {
  const collection = {
    '@context': [ANNO_CONTEXT, { bs: BACKSTORY_NS }],
    id: `${BACKSTORY_NS}export:${now.toISOString()}`,
    type: 'AnnotationCollection',
    label: 'Backstory highlights',
    generated: now.toISOString(),
    total: highlights.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: highlights.map(toAnnotation) },
  };
  return JSON.stringify(collection, null, 1);
}
