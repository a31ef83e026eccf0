/**
 * Which text must not be wrapped now, so the reader's selection stays where
 * the reader put it.
 *
 * Wrapping splits a text node and puts the piece in an element with a fresh
 * text node (`wrap-text-range.ts`: `splitText` before and after, then `replaceChild`). A
 * live Range follows a split, but when a node is removed, a boundary inside
 * it moves to the node's old place in its parent: before the new element. A
 * selection that ends just after "Aleppo" then ends before it, and the quote
 * saved from it lacks its last word; a boundary inside a name jumps to its
 * start. The selection of a page is such a live Range, and a pass can land
 * at any moment (the background's matches arrive when they arrive).
 *
 * So text is not wrapped in a text node that holds a boundary of a
 * non-collapsed selection, nor in a child of an element that holds one as an
 * offset (a boundary between children moves when the children around it are
 * removed and inserted).
 * A collapsed selection is left out: it is the caret any click leaves in the
 * clicked text, and holding text back for it would leave the paragraph the
 * reader clicked unmarked.
 */

/** True when wrapping text in any of `nodes` could move a boundary of the selection. */
export type SelectionGuard = (nodes: readonly Node[]) => boolean;

const NOTHING_HELD: SelectionGuard = () => false;

/**
 * The guard for `doc`'s selection as it is now. Read it again after anything
 * that may have changed the selection (a yield to the event loop); within one
 * synchronous run of wraps it stays right, since wraps it allows never move a
 * boundary.
 */
export function selectionGuard(doc: Document): SelectionGuard {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return NOTHING_HELD;
  const boundaries = new Set<Node>();
  // Every range, not only the first: Firefox keeps several (a table's cells).
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    if (range.collapsed) continue;
    boundaries.add(range.startContainer);
    boundaries.add(range.endContainer);
  }
  if (boundaries.size === 0) return NOTHING_HELD;
  return (nodes) => nodes.some((node) => boundaries.has(node) || (node.parentNode !== null && boundaries.has(node.parentNode)));
}

/** Events after which the selection may have moved: the reader's input, and any change the browser reports. */
const SELECTION_MOVERS = ['selectstart', 'selectionchange', 'pointerdown', 'pointerup', 'keydown', 'focusin'] as const;

/**
 * The guard of `doc`'s selection for a run of work in several tasks (the
 * slices of a batch of wraps): read at the first `current()`, and again only
 * after an event that may have moved the selection. Reading the selection
 * makes Chromium lay out the page, and each slice's wraps leave the layout
 * out of date, so reading it per slice would lay out a huge page once per
 * slice. The reader's input fires its events before any later task of ours
 * runs; a selection a page's script makes is reported by `selectionchange`.
 * Call `stop()` when the run ends.
 */
export function selectionWatch(doc: Document): { current(): SelectionGuard; stop(): void } {
  let guard: SelectionGuard | undefined;
  const lifetime = new AbortController();
  const stale = (): void => {
    guard = undefined;
  };
  const options = { capture: true, passive: true, signal: lifetime.signal };
  // On the window, capturing: the first stop of every event's path, before a page's own listeners on the document can stop it.
  const target: EventTarget = doc.defaultView ?? doc;
  for (const type of SELECTION_MOVERS) target.addEventListener(type, stale, options);
  // A drag moves the selection without pointerdown or pointerup between its steps.
  target.addEventListener('pointermove', (event) => (event as PointerEvent).buttons !== 0 && stale(), options);
  return {
    current: () => (guard ??= selectionGuard(doc)),
    stop: () => lifetime.abort(),
  };
}
