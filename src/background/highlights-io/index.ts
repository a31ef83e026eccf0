/**
 * Export and import of highlights: our versioned JSON (complete), Markdown
 * (for notes), W3C Web Annotation JSON-LD (for other annotation tools), and a
 * fully validated import of JSON, JSON-LD and Hypothesis exports.
 */
export { exportJson, type HighlightsFile } from './export-json';
export { exportMarkdown } from './export-markdown';
export { exportJsonLd, toAnnotation } from './export-jsonld';
export { ANNOTATION_ID_PREFIX } from './annotation-ids';
export { parseImport, parseImportInStages, type ParsedImport, type ImportFormat } from './import-highlights';
export { SKIP, type SkipCounts } from './import-common';
export { PIECE_WRITERS, type PieceWriter, type PieceFormat } from './export-pieces';
export { MAX_IMPORT_CHARS, MAX_IMPORT_RECORDS, FORMAT_NAME, FORMAT_VERSION } from './limits';
