/**
 * Files between the options page and the background, in pieces of one
 * message each when a file is longer than one message takes (see
 * `shared/file-pieces.ts`): an import's text goes up, the library export
 * comes down. The highlights export has its own pieces (`highlights.export`).
 */
import { FILE_PIECE_CHARS, pieceEnd } from '../shared/file-pieces';
import { callBackground } from '../shared/messaging';
import type { CallResult, ImportText, LibraryExportCursor } from '../shared/protocol';

/** An import's text as its call takes it: in the call when it fits one piece, else uploaded in pieces first. */
export async function sendImportText(text: string, pieceChars = FILE_PIECE_CHARS): Promise<CallResult<ImportText>> {
  if (text.length <= pieceChars) return { ok: true, value: { text } };
  const ends: number[] = [];
  for (let from = 0; from < text.length; from = ends.at(-1)!) ends.push(pieceEnd(text, from, pieceChars));
  const upload = crypto.randomUUID();
  let from = 0;
  for (const [index, end] of ends.entries()) {
    const sent = await callBackground('upload.piece', { upload, index, count: ends.length, text: text.slice(from, end) });
    if (!sent.ok) return sent;
    from = end;
  }
  return { ok: true, value: { upload } };
}

/**
 * A file asked for in pieces (`highlights.export`, `library.export`): `ask`
 * gets the previous piece's cursor (none for the first); the pieces in order,
 * and the last answer (which says what the file holds). `onPiece` hears the
 * number of the piece about to be asked, for progress.
 */
export async function receivePieces<C, R extends { text: string; next: C | null }>(
  ask: (cursor: C | undefined) => Promise<CallResult<R>>,
  onPiece?: (n: number) => void,
): Promise<CallResult<{ pieces: string[]; last: R }>> {
  const pieces: string[] = [];
  let cursor: C | undefined;
  for (;;) {
    onPiece?.(pieces.length + 1);
    const result = await ask(cursor);
    if (!result.ok) return result;
    pieces.push(result.value.text);
    if (result.value.next === null) return { ok: true, value: { pieces, last: result.value } };
    cursor = result.value.next;
  }
}

/** The library export: the file's pieces in order, and how many articles and own entries it holds. */
export async function receiveLibraryExport(): Promise<CallResult<{ pieces: string[]; count: number; entries: number }>> {
  const result = await receivePieces((cursor: LibraryExportCursor | undefined) => callBackground('library.export', cursor ? { cursor } : {}));
  return result.ok ? { ok: true, value: { pieces: result.value.pieces, count: result.value.last.count, entries: result.value.last.entries } } : result;
}

/**
 * Saves a file made of `pieces` as a download (a Blob, never one string: a
 * file may be larger than one string should be); returns its size in bytes.
 */
export function saveFile(filename: string, mime: string, pieces: readonly string[]): number {
  const blob = new Blob(pieces as string[], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return blob.size;
}
