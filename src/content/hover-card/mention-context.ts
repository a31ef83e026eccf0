/**
 * The sentence around a mention on the page, sent with the card request so
 * the background can choose corpus excerpts about what the reader is reading.
 */

/** The longest context sent per entry (the protocol caps it at 2000). */
export const MAX_CONTEXT = 600;

const BLOCK = 'p, li, td, th, dd, blockquote, figcaption, h1, h2, h3, h4, h5, h6, article, section, div, body';

/** The sentence of the block around `mark` that contains it, trimmed to {@link MAX_CONTEXT}. */
export function sentenceAround(mark: Element): string {
  const block = mark.parentElement?.closest(BLOCK) ?? mark.parentElement;
  const text = (block?.textContent ?? '').replace(/\s+/g, ' ');
  const name = (mark.textContent ?? '').replace(/\s+/g, ' ').trim();
  const at = name ? text.indexOf(name) : -1;
  if (at < 0) return text.slice(0, MAX_CONTEXT).trim();
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('? ', at), text.lastIndexOf('! ', at)) + 1;
  const ends = ['. ', '? ', '! '].map((stop) => text.indexOf(stop, at + name.length)).filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) + 1 : text.length;
  return text.slice(start, Math.min(end, start + MAX_CONTEXT)).trim();
}
