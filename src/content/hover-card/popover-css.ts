/**
 * Styles of the floating container around the card inside the shadow root:
 * size, scroll and shadow. The card's own look is `ENTRY_CARD_CSS`.
 */

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
.bs-popover .bs-card { border-radius: 10px; min-height: 100%; }
`;
