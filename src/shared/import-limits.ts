/**
 * The size limit of a highlights import, shared by the background (which
 * checks the text before parsing anything) and the options page (which checks
 * the file's size before reading it or sending it anywhere).
 */

/** Largest import accepted: characters of text in the background, bytes of a file in the options page (about the same for the JSON we write). */
export const MAX_IMPORT_CHARS = 50 * 1024 * 1024;

/** What the reader is told when a file is over the limit; `size` in characters or bytes. */
export function importTooLargeMessage(size: number): string {
  return `This file is too large (${Math.round(size / 1024 / 1024)} MB); Backstory imports files up to ${MAX_IMPORT_CHARS / 1024 / 1024} MB.`;
}
