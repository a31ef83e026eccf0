/**
 * Styles of the floating container around the card inside the shadow root:
 * size, scroll (with a scrollbar in the card's colour scheme) and shadow.
 * The card's own look is `ENTRY_CARD_CSS`.
 */

/** Thumb and track of the scrollbar beside a dark card (its border and background colours). */
const DARK_SCROLLBAR = '#3a3f47 #16181c';

/** The popover's CSS. */
export const POPOVER_CSS = `
:host { all: initial; }
.bs-popover {
  position: fixed; top: 0; left: 0; box-sizing: border-box;
  width: 400px; min-width: min(320px, calc(100vw - 16px)); max-width: min(450px, calc(100vw - 16px));
  max-height: min(70vh, 560px); overflow: auto; overscroll-behavior: contain;
  border-radius: 10px; border: 1px solid rgba(127, 127, 127, 0.35);
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.28), 0 1px 3px rgba(0, 0, 0, 0.2);
  background: transparent; outline: none;
}
.bs-popover[hidden] { display: none; }
/* The popover is the scroll container: its scrollbar follows the card's theme
   (Firefox drew a white one, taking room, beside a dark card). */
.bs-popover { color-scheme: light; }
.bs-popover:has(> .bs-card[data-theme="dark"]) { color-scheme: dark; scrollbar-color: ${DARK_SCROLLBAR}; }
@media (prefers-color-scheme: dark) { .bs-popover:has(> .bs-card[data-theme="auto"]) { color-scheme: dark; scrollbar-color: ${DARK_SCROLLBAR}; } }
.bs-popover .bs-card { border-radius: 10px; min-height: 100%; }
/* The private frame: a fixed size whatever it holds (see card-popover.tsx). */
.bs-card__body[data-level=first] .bs-card__private { height: 56px; margin-top: 8px; }
.bs-card__private { display: block; box-sizing: border-box; width: 100%; height: 168px; margin: 12px 0 0; border: 0; border-top: 1px solid rgba(127, 127, 127, 0.35); }
/* Layout containment: laying out (and re-placing) the card never lays out the page again. */
.bs-popover { contain: layout paint style; }
`;
