/**
 * Export and import of highlights: our versioned JSON (complete), Markdown
 * (for notes), W3C Web Annotation JSON-LD (for other annotation tools), and a
 * fully validated import of JSON and JSON-LD.
 */
export { exportJson, type HighlightsFile } from './export-json';
export { exportMarkdown } from './export-markdown';
export { exportJsonLd, toAnnotation, ANNOTATION_ID_PREFIX } from './export-jsonld';
export { parseImport, type ParsedImport } from './import-highlights';
export { MAX_IMPORT_CHARS, MAX_IMPORT_RECORDS, FORMAT_NAME, FORMAT_VERSION } from './limits';
