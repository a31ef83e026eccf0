/**
 * Keeps a panel (the selection toolbar, a highlight's popover) above its
 * anchor, a selection's range or a highlight, centred on it and below it when
 * there is no room above, following scrolls, resizes and the panel's own
 * size until the panel closes.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { keepAnchored, type Anchor, type PlaceOptions } from '../../dom/anchored-element';

// `translate`: the panels size themselves to their content, which a `left` near the right edge would squeeze.
const PANEL: PlaceOptions = { side: 'top', align: 'center', via: 'translate' };

/** A ref to put on the floating panel, kept beside `anchor` while both exist. */
export function useAnchored<T extends HTMLElement>(anchor: Anchor | null): { current: T | null } {
  const panel = useRef<T>(null);
  useLayoutEffect(() => {
    const el = panel.current;
    if (!el || !anchor) return;
    return keepAnchored(anchor, el, PANEL);
  }, [anchor]);
  return panel;
}
