/**
 * Anchors saved highlights in the page-text model: where each one is now,
 * whether its text changed since it was saved, and which cannot be placed.
 */
import { anchorQuote } from '../../shared/anchoring';
import type { Highlight } from '../../shared/highlight';

/** A highlight placed on the page text. */
export interface Placement {
  highlight: Highlight;
  start: number;
  end: number;
  /** True when the text there differs from the saved quote. */
  changed: boolean;
  /** The text there now (differs from `highlight.quote` when changed). */
  current: string;
}

/** Places each highlight, or lists it as an orphan. */
export function anchorAll(text: string, highlights: readonly Highlight[]): { placed: Placement[]; orphans: Highlight[] } {
  const placed: Placement[] = [];
  const orphans: Highlight[] = [];
  for (const highlight of highlights) {
    const found = anchorQuote(text, highlight.selectors);
    if (found) placed.push({ highlight, start: found.start, end: found.end, changed: found.changed, current: text.slice(found.start, found.end) });
    else orphans.push(highlight);
  }
  return { placed, orphans };
}

/**
 * Splits placements into layers whose ranges do not overlap, so each layer
 * can be wrapped in one pass (two highlights may share words).
 */
export function nonOverlappingLayers(placed: readonly Placement[]): Placement[][] {
  const layers: { items: Placement[]; end: number }[] = [];
  for (const p of [...placed].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const layer = layers.find((l) => l.end <= p.start);
    if (layer) {
      layer.items.push(p);
      layer.end = p.end;
    } else layers.push({ items: [p], end: p.end });
  }
  return layers.map((l) => l.items);
}
