/** Limits on what an import reads, so one bad file cannot stall or fill the background. */

/** Largest import accepted, in characters of text (about bytes for the JSON we write); shared with the options page. */
export { MAX_IMPORT_CHARS } from '../../shared/import-limits';
import { MAX_HIGHLIGHTS_PER_CALL } from '../../shared/highlight-rules';

/** Most highlights one file may hold: the store writes a file in one call, and refuses more per call. */
export const MAX_IMPORT_RECORDS = MAX_HIGHLIGHTS_PER_CALL;
/** Version of our JSON format this build writes and reads. */
export const FORMAT_VERSION = 1;
/** The `format` marker of our JSON files. */
export const FORMAT_NAME = 'backstory-highlights';
/** JSON-LD prefix for our extension fields in W3C annotations. */
export const BACKSTORY_NS = 'urn:backstory:';
/** W3C Web Annotation context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
