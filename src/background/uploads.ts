/**
 * The files our pages send in pieces for an import to take (see
 * `shared/file-pieces.ts`): each upload's pieces in order, held until its
 * import takes the whole text. Nothing is parsed here; the import checks the
 * text as it checks one sent in its call.
 */
import { MAX_IMPORT_CHARS, importTooLargeMessage } from '../shared/import-limits';
import type { ImportText } from '../shared/protocol';
import { CallFailure } from './router';

/**
 * Uploads held at once. An upload's text stays in memory until its import
 * takes it: a page that went away before then leaves it here until two newer
 * uploads begin. Two lets two options pages import at the same time.
 */
const MAX_HELD_UPLOADS = 2;

interface HeldUpload {
  count: number;
  pieces: string[];
  chars: number;
}

/** What an import is told when its upload is not here in full. */
export const UPLOAD_LOST_MESSAGE = 'The file did not reach Backstory in full. Import it again.';

/** The uploads under way and complete, by the id their page chose. */
export class Uploads {
  private readonly held = new Map<string, HeldUpload>();

  /**
   * Adds piece `index` of `count` of `upload`. Piece 0 begins the upload
   * (again, if it was under way); the others must follow it in order.
   * Refuses a piece out of order (`invalid-message`), one of an upload not held
   * (`unavailable`: let go, or lost when the background restarted), and a file
   * over the import limit (`invalid-import`, and the upload is let go).
   */
  add(upload: string, index: number, count: number, text: string): void {
    if (index === 0) {
      this.held.delete(upload);
      if (this.held.size >= MAX_HELD_UPLOADS) this.held.delete(this.held.keys().next().value!);
      this.held.set(upload, { count, pieces: [], chars: 0 });
    }
    const held = this.held.get(upload);
    if (!held) throw new CallFailure('unavailable', UPLOAD_LOST_MESSAGE);
    if (count !== held.count || index !== held.pieces.length || index >= count) {
      this.held.delete(upload);
      throw new CallFailure('invalid-message', `The file's pieces did not arrive in order (piece ${index + 1} of ${count}).`);
    }
    held.chars += text.length;
    if (held.chars > MAX_IMPORT_CHARS) {
      this.held.delete(upload);
      throw new CallFailure('invalid-import', importTooLargeMessage(held.chars));
    }
    held.pieces.push(text);
  }

  /** The whole text of a complete upload, which is let go; `unavailable` when it is not here in full. */
  take(upload: string): string {
    const held = this.held.get(upload);
    if (!held || held.pieces.length !== held.count) throw new CallFailure('unavailable', UPLOAD_LOST_MESSAGE);
    this.held.delete(upload);
    return held.pieces.join('');
  }

  /** An import's text: the one in its call, or its upload's (see {@link take}). */
  textOf(source: ImportText): string {
    return 'upload' in source ? this.take(source.upload) : source.text;
  }
}
