/**
 * How a saved highlight looks on the page. Styles are set through the CSSOM
 * on each `<bs-highlight>` piece: a page's Content-Security-Policy may refuse
 * an injected `<style>` but never `element.style`, and `important` keeps page
 * rules such as `span { background: none !important }`-style resets at bay.
 * Translucent colours read on light and dark pages alike.
 */
import type { HighlightColour } from '../../shared/highlight';
import { t, type MessageKey } from '../../shared/i18n';

/** Background of each named colour. */
export const COLOUR_FILL: Record<HighlightColour, string> = {
  yellow: 'rgba(250, 204, 21, 0.45)',
  green: 'rgba(74, 222, 128, 0.42)',
  blue: 'rgba(96, 165, 250, 0.42)',
  pink: 'rgba(244, 114, 182, 0.42)',
  purple: 'rgba(167, 139, 250, 0.45)',
};

const COLOUR_KEY: Record<HighlightColour, MessageKey> = {
  yellow: 'hl_colour_yellow',
  green: 'hl_colour_green',
  blue: 'hl_colour_blue',
  pink: 'hl_colour_pink',
  purple: 'hl_colour_purple',
};

/** The reader-facing name of a colour, in the interface language (for buttons and screen readers). */
export function colourLabel(colour: HighlightColour): string {
  return t(COLOUR_KEY[colour]);
}

/**
 * The first piece's label for screen readers. It sits in the page's DOM,
 * where page scripts read it: it says whether there is a note, never the note
 * (that is read in the popover's private frame).
 */
export function pieceLabel(changed: boolean, hasNote: boolean): string {
  if (hasNote) return t(changed ? 'hl_piece_note_changed' : 'hl_piece_note');
  return t(changed ? 'hl_piece_changed' : 'hl_piece');
}

/** Paints one piece for its colour; a changed passage gets a dashed underline. */
export function paintPiece(el: HTMLElement, colour: HighlightColour, changed: boolean): void {
  el.setAttribute('data-colour', colour);
  if (changed) el.setAttribute('data-changed', '');
  else el.removeAttribute('data-changed');
  const style = el.style;
  style.setProperty('background-color', COLOUR_FILL[colour], 'important');
  style.setProperty('color', 'inherit', 'important');
  style.setProperty('border-radius', '2px', 'important');
  style.setProperty('cursor', 'pointer', 'important');
  style.setProperty('box-decoration-break', 'clone', 'important');
  style.setProperty('-webkit-box-decoration-break', 'clone', 'important');
  if (changed) style.setProperty('text-decoration', 'underline dashed rgba(120, 53, 15, 0.8)', 'important');
  else style.removeProperty('text-decoration');
}

/**
 * Shows whether a highlight has a note: `data-note` on every piece and a dark
 * tab at the end of the last one (its inline end: on the left in
 * right-to-left text). The page can read this one bit (never the
 * note itself); see Privacy in docs/ARCHITECTURE.md.
 */
export function markNote(pieces: readonly HTMLElement[], hasNote: boolean): void {
  pieces.forEach((el, i) => {
    if (hasNote) el.setAttribute('data-note', '');
    else el.removeAttribute('data-note');
    if (i !== pieces.length - 1) return;
    // The tab goes at the end of the text: its right in left-to-right text, its left in right-to-left text.
    if (hasNote) {
      el.style.setProperty('border-inline-end', '4px solid rgba(120, 53, 15, 0.8)', 'important');
      el.style.setProperty('padding-inline-end', '1px', 'important');
    } else {
      el.style.removeProperty('border-inline-end');
      el.style.removeProperty('padding-inline-end');
    }
  });
  // Only a highlight's first piece is a tab stop with a label.
  const first = pieces[0];
  if (first?.hasAttribute('aria-label')) first.setAttribute('aria-label', pieceLabel(first.hasAttribute('data-changed'), hasNote));
}

/** Briefly outlines pieces to show where a revealed highlight is. */
export function flashPieces(pieces: readonly HTMLElement[], ms = 1_600): void {
  for (const el of pieces) el.style.setProperty('outline', '2px solid #4338ca', 'important');
  setTimeout(() => {
    for (const el of pieces) el.style.removeProperty('outline');
  }, ms);
}
