/**
 * Drawing placed highlights as `<bs-highlight>` pieces with the highlighter's
 * one-pass wrapper (`wrapRanges`), and erasing them so the page's text nodes
 * are as before. Entity marks and saved highlights nest cleanly: both are
 * inline wrappers the page-text model reads through.
 */
import { HIGHLIGHT_TAG } from '../dom/ownership';
import { collectPageText, nodeIndexAt, type PageText } from '../dom/page-text';
import { unwrapElement, wrapRanges } from '../dom/wrap-ranges';
import { nonOverlappingLayers, type Placement } from './anchor-page';
import { markNote, paintPiece, pieceLabel } from './highlight-style';


/** The page text as saved highlights see it: blocks separated by a line feed, so quotes read well. */
export function collectText(root: Element): PageText {
  return collectPageText([root], { separator: '\n' });
}

/**
 * Wraps `placements` (overlapping ones in successive passes over a fresh text
 * model) and returns the pieces of each highlight id, in document order.
 */
export function drawPlacements(root: Element, page: PageText, placements: readonly Placement[]): Map<string, HTMLElement[]> {
  const pieces = new Map<string, HTMLElement[]>();
  nonOverlappingLayers(placements).forEach((layer, i) => {
    const model = i === 0 ? page : collectText(root);
    wrapRanges(
      model,
      layer.map((p) => ({ start: p.start, end: p.end, data: p })),
      {
        tagName: HIGHLIGHT_TAG,
        decorate(el, range) {
          const p = range.data;
          el.className = 'bs-highlight';
          el.setAttribute('data-highlight-id', p.highlight.id);
          paintPiece(el, p.highlight.colour, p.changed);
          const list = pieces.get(p.highlight.id) ?? [];
          if (list.length === 0) {
            // One tab stop per highlight, on its first piece.
            el.tabIndex = 0;
            el.setAttribute('role', 'button');
            el.setAttribute('aria-label', pieceLabel(p.changed, false));
          }
          list.push(el);
          pieces.set(p.highlight.id, list);
        },
      },
    );
  });
  for (const p of placements) {
    const list = pieces.get(p.highlight.id);
    if (list && p.highlight.note.trim() !== '') markNote(list, true);
  }
  return pieces;
}

/** The text nodes that drawing `[start, end)` of `page` would split. */
export function textNodesIn(page: PageText, start: number, end: number): Text[] {
  const first = Math.max(0, nodeIndexAt(page.starts, start));
  const last = nodeIndexAt(page.starts, end - 1);
  return page.nodes.slice(first, last + 1);
}

/** Removes pieces, merging the text nodes they split. */
export function erasePieces(pieces: readonly HTMLElement[]): void {
  for (const el of pieces) unwrapElement(el);
}
