/**
 * Saved highlights on the page: the feature the content app starts with its
 * AbortSignal (see `saved-highlights.ts`).
 */
export { SavedHighlights, type BackgroundCaller } from './saved-highlights';
export { HIGHLIGHT_TAG } from './draw';
