/**
 * Keeps a panel next to its reference (a selection's box, a highlight) with
 * floating-ui, following scrolls and resizes until the panel closes.
 */
import { autoUpdate, computePosition, flip, offset, shift, type ReferenceElement } from '@floating-ui/dom';
import { useLayoutEffect, useRef } from 'preact/hooks';

/** A ref to put on the floating panel. */
export function useFloating<T extends HTMLElement>(reference: ReferenceElement | null): { current: T | null } {
  const panel = useRef<T>(null);
  useLayoutEffect(() => {
    const el = panel.current;
    if (!el || !reference) return;
    const update = (): void => {
      void computePosition(reference, el, { strategy: 'fixed', placement: 'top', middleware: [offset(8), flip(), shift({ padding: 8 })] }).then(({ x, y }) => {
        el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    };
    return autoUpdate(reference, el, update);
  }, [reference]);
  return panel;
}
