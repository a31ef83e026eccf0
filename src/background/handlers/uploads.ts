import type { Handlers } from '../router';
import type { Services } from '../services';

/** `upload.*`: the pieces of an import file too long for one message (see `uploads.ts`). */
export function uploadHandlers(s: Services): Pick<Handlers, 'upload.piece'> {
  return {
    async 'upload.piece'({ upload, index, count, text }) {
      s.uploads.add(upload, index, count, text);
      return null;
    },
  };
}
