/**
 * Annotation ids: a highlight made in Backstory has a bare id and is
 * exported under our stable IRI prefix; an imported annotation keeps its IRI
 * as given, so a round trip through another tool finds the same annotation.
 */
import { BACKSTORY_NS } from './limits';

/** The IRI prefix of highlights made in Backstory. */
export const ANNOTATION_ID_PREFIX = `${BACKSTORY_NS}highlight:`;

/** A highlight's annotation IRI: its id when that is already an IRI (imported), else under our prefix. */
export function annotationIdOf(id: string): string {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(id) ? id : ANNOTATION_ID_PREFIX + id;
}
