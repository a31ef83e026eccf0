/**
 * Events unit tests dispatch as a page's input would arrive: bubbling and
 * composed, so they cross our shadow roots as real input does.
 */

/** Dispatches a pointer event of `type` on `target` (a mouse's unless `pointerType` says otherwise). */
export function pointer(type: string, target: Element, relatedTarget: Element | null = null, pointerType = 'mouse'): void {
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerType, relatedTarget }));
}
