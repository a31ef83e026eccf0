/**
 * Moving the reader to marks: `tab.revealEntry` (scroll to an entry's first
 * mention and flash it) and `tab.focusNextMention` (keyboard: focus the next
 * mention after the current focus or scroll position; the hover card opens on
 * focus).
 */
import { focusAsOurs } from '../trusted-input';
import { firstMarkOf, markAt, mentionHeads, piecesOfMention, sameMention } from './entity-marks';
import { FLASH_CLASS } from './mark-style';

const FLASH_MS = 2000;

function prefersReducedMotion(win: Window): boolean {
  return typeof win.matchMedia === 'function' && win.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Smooth only where it can be seen. A page revealed from elsewhere (the popup
 * opened as a tab, another tab) may be hidden: Firefox drops a smooth scroll
 * started in a hidden document (it never happens, even once the tab is shown),
 * where Chromium completes it; an instant scroll works in both.
 */
export function scrollBehavior(doc: Document = document, win: Window = window): ScrollBehavior {
  return prefersReducedMotion(win) || doc.visibilityState === 'hidden' ? 'auto' : 'smooth';
}

/** Scrolls to the first mention of `entryId`, flashes it; false when it is not marked on this page. */
export function revealEntry(doc: Document, entryId: string): boolean {
  const first = firstMarkOf(doc, entryId);
  if (!first) return false;
  const win = doc.defaultView ?? window;
  first.scrollIntoView({ block: 'center', inline: 'nearest', behavior: scrollBehavior(doc, win) });
  const pieces = piecesOfMention(doc, first);
  for (const piece of pieces) {
    piece.classList.remove(FLASH_CLASS);
    // Restart the animation if the same entry is revealed twice in a row.
    void (piece as HTMLElement).offsetWidth;
    piece.classList.add(FLASH_CLASS);
  }
  win.setTimeout(() => pieces.forEach((p) => p.classList.remove(FLASH_CLASS)), FLASH_MS);
  return true;
}

/**
 * Focuses the next mention: after the focused mark when one has focus,
 * otherwise the first mention at or below the top of the viewport; wraps
 * around at the end. False when the page has no marks.
 */
export function focusNextMention(doc: Document): boolean {
  const heads = mentionHeads(doc);
  if (heads.length === 0) return false;
  const active = doc.activeElement;
  let next: HTMLElement | undefined;
  const focused = markAt(active);
  if (focused) {
    const index = heads.findIndex((h) => sameMention(h, focused));
    next = heads[(index + 1) % heads.length];
  } else {
    next = heads.find((h) => h.getBoundingClientRect().bottom > 0 && h.getClientRects().length > 0) ?? heads[0];
  }
  if (!next) return false;
  // Focusable by script only: marks do not join the page's Tab order, unless
  // the reader asked for it (`mark-tab-stops.ts`), whose stop stays.
  if (!next.hasAttribute('tabindex')) next.setAttribute('tabindex', '-1');
  // As ours: the focus opens the name's card (see `trusted-input.ts`).
  focusAsOurs(next, { preventScroll: true });
  next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  return true;
}
