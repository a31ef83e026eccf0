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

/** The library export: the file's pieces in order, and how many articles and own entries it holds. */
export async function receiveLibraryExport(): Promise<CallResult<{ pieces: string[]; count: number; entries: number }>> {
  const pieces: string[] = [];
  let cursor: LibraryExportCursor | undefined;
  for (;;) {
    const result = await callBackground('library.export', cursor ? { cursor } : {});
    if (!result.ok) return result;
    pieces.push(result.value.text);
    if (!result.value.next) return { ok: true, value: { pieces, count: result.value.count, entries: result.value.entries } };
    cursor = result.value.next;
  }
}
