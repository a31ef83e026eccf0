/**
 * How a saved highlight looks on the page. Styles are set through the CSSOM
 * on each `<bs-highlight>` piece: a page's Content-Security-Policy may refuse
 * an injected `<style>` but never `element.style`, and `important` keeps page
 * rules such as `span { background: none !important }`-style resets at bay.
 * Translucent colours read on light and dark pages alike.
 */
import type { HighlightColour } from '../../shared/highlight';

/** Background of each named colour. */
export const COLOUR_FILL: Record<HighlightColour, string> = {
  yellow: 'rgba(250, 204, 21, 0.45)',
  green: 'rgba(74, 222, 128, 0.42)',
  blue: 'rgba(96, 165, 250, 0.42)',
  pink: 'rgba(244, 114, 182, 0.42)',
  purple: 'rgba(167, 139, 250, 0.45)',
};

/** Reader-facing names of the colours (for buttons and screen readers). */
export const COLOUR_LABEL: Record<HighlightColour, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

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
  const first = pieces[0];
  const label = first?.getAttribute('aria-label');
  if (first && label) first.setAttribute('aria-label', label.replace(/^Saved highlight( with a note)?/, hasNote ? 'Saved highlight with a note' : 'Saved highlight'));
}

/** Briefly outlines pieces to show where a revealed highlight is. */
export function flashPieces(pieces: readonly HTMLElement[], ms = 1_600): void {
  for (const el of pieces) el.style.setProperty('outline', '2px solid #4338ca', 'important');
  setTimeout(() => {
    for (const el of pieces) el.style.removeProperty('outline');
  }, ms);
}
