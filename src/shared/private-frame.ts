/**
 * The private frame: `private.html`, an extension page that page-side UI
 * embeds (a fixed-size iframe) wherever it would show the reader's own data.
 * The page cannot read a cross-origin frame, search it with `window.find`,
 * select it or measure what it holds, and the frame fetches its data itself,
 * as an extension sender: the content script never has it.
 *
 * What the frame shows travels in its URL's fragment, and is only ever an id.
 */

/** What a private frame shows: the highlights that mention an entry, or one highlight's note. */
export type PrivateFrameRequest = { kind: 'entry'; id: string; dark: boolean } | { kind: 'note'; id: string; dark: boolean; focus?: boolean };

/** The frame's page. */
export const PRIVATE_FRAME_PAGE = 'private.html';

/** The fragment of a private frame's URL for `request`. */
export function privateFrameHash(request: PrivateFrameRequest): string {
  const params = new URLSearchParams({ [request.kind]: request.id });
  if (request.dark) params.set('theme', 'dark');
  // The reader asked to write a note ("Save with note…"): the note box takes the focus.
  if (request.kind === 'note' && request.focus) params.set('focus', '1');
  return params.toString();
}

/** Reads a private frame's fragment (with or without its `#`); undefined when it asks for nothing we show. */
export function parsePrivateFrameHash(hash: string): PrivateFrameRequest | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const dark = params.get('theme') === 'dark';
  const entry = params.get('entry');
  if (entry) return { kind: 'entry', id: entry, dark };
  const note = params.get('note');
  if (note) return params.get('focus') === '1' ? { kind: 'note', id: note, dark, focus: true } : { kind: 'note', id: note, dark };
  return undefined;
}
