/**
 * The one stylesheet Backstory adds to a page: a `<style data-backstory-ui>` in
 * `<head>`, scoped to `bs-mark`, injected once and removed when highlighting
 * stops. It draws a coloured underline (a bottom border: on an inline box it
 * never changes line height or wrapping) over a faint tint of the same colour,
 * so marks read on light and dark pages alike without hiding the page's own
 * link colours. No padding, margin or font changes: marks never move text.
 *
 * The colours are mid-tones with at least 3:1 contrast against both white and
 * near-black backgrounds; each group also has its own underline style, so the
 * groups stay distinguishable without colour.
 */
import { UI_ATTRIBUTE } from './element-kinds';

/** Class added for a moment to a mark that `tab.revealEntry` scrolled to. */
export const FLASH_CLASS = 'bs-mark--flash';

const GROUP_STYLES: Record<string, { colour: string; tint: string; line: string }> = {
  person: { colour: '#d9480f', tint: 'rgba(217, 72, 15, 0.12)', line: 'solid' },
  group: { colour: '#ae3ec9', tint: 'rgba(174, 62, 201, 0.12)', line: 'dashed' },
  state: { colour: '#1c7ed6', tint: 'rgba(28, 126, 214, 0.12)', line: 'solid' },
  place: { colour: '#2f9e44', tint: 'rgba(47, 158, 68, 0.12)', line: 'dotted' },
  event: { colour: '#e8590c', tint: 'rgba(232, 89, 12, 0.12)', line: 'double' },
};

/** The stylesheet's text. */
export const MARK_CSS = [
  'bs-mark.bs-mark{display:inline;cursor:help;border-radius:1px;border-bottom:2px solid var(--bs-mark-colour);background-color:var(--bs-mark-tint);color:inherit;box-decoration-break:clone;-webkit-box-decoration-break:clone}',
  ...Object.entries(GROUP_STYLES).map(
    ([group, s]) => `bs-mark.bs-mark--${group}{--bs-mark-colour:${s.colour};--bs-mark-tint:${s.tint};border-bottom-style:${s.line}${s.line === 'double' ? ';border-bottom-width:3px' : ''}}`,
  ),
  'bs-mark.bs-mark:focus-visible{outline:2px solid var(--bs-mark-colour);outline-offset:2px}',
  'bs-mark.bs-mark:focus{outline:2px solid var(--bs-mark-colour);outline-offset:2px}',
  'bs-mark.bs-mark:focus:not(:focus-visible){outline:none}',
  `bs-mark.${FLASH_CLASS}{animation:bs-mark-flash 0.6s ease-in-out 3}`,
  '@keyframes bs-mark-flash{50%{background-color:var(--bs-mark-colour);color:#fff}}',
  `@media (prefers-reduced-motion: reduce){bs-mark.${FLASH_CLASS}{animation:none;outline:3px solid var(--bs-mark-colour);outline-offset:2px}}`,
].join('\n');

/**
 * Adds the stylesheet to `doc` unless it is there already; returns a function
 * that removes it.
 */
export function injectMarkStyle(doc: Document): () => void {
  const existing = doc.querySelector<HTMLStyleElement>('style[data-backstory-ui="marks"]');
  const style = existing ?? doc.createElement('style');
  if (!existing) {
    style.setAttribute(UI_ATTRIBUTE, 'marks');
    style.textContent = MARK_CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
  return () => style.remove();
}
