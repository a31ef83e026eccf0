/**
 * A file's text in pieces, one message each: an import our pages send to the
 * background (`upload.piece`), a library export they receive from it. A
 * message has a size cap (64 MiB in Chromium), which a library export can
 * pass, and a structured clone (how Firefox sends messages) takes two bytes
 * for every character of a string that holds one above U+00FF.
 */

/**
 * Characters of a file per message: at most 48 MB in any encoding a message
 * takes (two bytes a character as a structured clone; as JSON, Chrome's, three
 * for a character in UTF-8 and six for an escaped control character), under
 * the cap with room to spare.
 */
export const FILE_PIECE_CHARS = 8_000_000;

/** Most pieces one upload may come in (a 50 MB import needs 7). */
export const MAX_UPLOAD_PIECES = 64;

/**
 * End of the piece of `text` that begins at `from`: at most `max` characters
 * later, and never between the two halves of a surrogate pair, so that each
 * piece is well-formed text on its own.
 */
export function pieceEnd(text: string, from: number, max = FILE_PIECE_CHARS): number {
  let end = Math.min(text.length, from + max);
  const code = text.charCodeAt(end);
  if (end < text.length && end > from + 1 && code >= 0xdc00 && code <= 0xdfff) end--;
  return end;
}
