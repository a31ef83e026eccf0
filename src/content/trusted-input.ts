/**
 * What may open Backstory's UI on a page: the reader's own input, never a
 * page script's. A page can dispatch any event it likes on our marks
 * (`isTrusted` false), and can focus a mark with `focus()`, whose focus events
 * ARE trusted; so pointer, key, click and selection handlers check
 * `isTrusted`, and focus opens a card only when Backstory itself moved focus
 * there (the next-mention command, focus returned after a card closes).
 */

const ownFocus = new WeakSet<Element>();

/** Whether the reader's input (not a page script) raised `event`. */
export function isTrusted(event: Event): boolean {
  return event.isTrusted;
}

/**
 * Focuses `element` as Backstory's own move: the `focusin` it raises (fired
 * synchronously by `focus()`) is recognised by {@link isOwnFocus}.
 */
export function focusAsOurs(element: HTMLElement, options?: FocusOptions): void {
  ownFocus.add(element);
  try {
    element.focus(options);
  } finally {
    ownFocus.delete(element);
  }
}

/** True while {@link focusAsOurs} focuses `target`: the page cannot forge it. */
export function isOwnFocus(target: EventTarget | null): boolean {
  return target instanceof Element && ownFocus.has(target);
}
