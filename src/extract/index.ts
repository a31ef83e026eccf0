/**
 * The extraction bundle (`extract.js`), injected into a tab only when the
 * reader adds it to the library (`scripting.executeScript`), so pages never
 * parse it otherwise. It leaves its answer on the isolated world's global for
 * the injecting call to read.
 */
import { extractArticle } from './extract-article';

(globalThis as { backstoryExtractedArticle?: unknown }).backstoryExtractedArticle = extractArticle(document, location.href);
