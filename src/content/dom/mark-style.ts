/**
 * The one stylesheet Backstory adds to a page: a `<style data-backstory-ui>` in
 * `<head>`, scoped to `bs-mark`, injected with the first mark (a page with
 * nothing to mark never gets it) and removed when highlighting stops. It
 * draws a coloured underline (a bottom border: on an inline box it never
 * changes line height or wrapping) over a faint tint of the same colour,
 * so marks read on light and dark pages alike without hiding the page's own
 * link colours. No padding, margin or font changes: marks never move text.
 *
 * The colours are the type groups' (`type-colours.ts`, the same as the cards,
 * popup, legend and timeline), for a light or a dark page background; each
 * group also has its own underline style, so the groups stay distinguishable
 * without colour.
 */
import { TYPE_GROUPS, type TypeGroup } from '../../shared/catalog';
import { MARK_TINT_ALPHA, ON_TYPE_COLOUR, TYPE_COLOURS, withAlpha, type Theme } from '../../components/type-colours';
import { UI_ATTRIBUTE } from './element-kinds';

/** Class added for a moment to a mark that `tab.revealEntry` scrolled to. */
export const FLASH_CLASS = 'bs-mark--flash';

const GROUP_LINES: Record<TypeGroup, 'solid' | 'dashed' | 'dotted' | 'double'> = {
  person: 'solid',
  group: 'dashed',
  state: 'solid',
  place: 'dotted',
  event: 'double',
};

/** The stylesheet's text for a page whose background is `theme`. */
export function markCss(theme: Theme): string {
  return [
    'bs-mark.bs-mark{display:inline;cursor:help;border-radius:1px;border-bottom:2px solid var(--bs-mark-colour);background-color:var(--bs-mark-tint);color:inherit;box-decoration-break:clone;-webkit-box-decoration-break:clone}',
    ...TYPE_GROUPS.map((group) => {
      const colour = TYPE_COLOURS[group][theme];
      const line = GROUP_LINES[group];
      return `bs-mark.bs-mark--${group}{--bs-mark-colour:${colour};--bs-mark-tint:${withAlpha(colour, MARK_TINT_ALPHA)};border-bottom-style:${line}${line === 'double' ? ';border-bottom-width:3px' : ''}}`;
    }),
    'bs-mark.bs-mark:focus-visible{outline:2px solid var(--bs-mark-colour);outline-offset:2px}',
    'bs-mark.bs-mark:focus{outline:2px solid var(--bs-mark-colour);outline-offset:2px}',
    'bs-mark.bs-mark:focus:not(:focus-visible){outline:none}',
    `bs-mark.${FLASH_CLASS}{animation:bs-mark-flash 0.6s ease-in-out 3}`,
    `@keyframes bs-mark-flash{50%{background-color:var(--bs-mark-colour);color:${ON_TYPE_COLOUR[theme]}}}`,
    `@media (prefers-reduced-motion: reduce){bs-mark.${FLASH_CLASS}{animation:none;outline:3px solid var(--bs-mark-colour);outline-offset:2px}}`,
  ].join('\n');
}

/**
 * Adds the stylesheet (for a page background of `theme`) to `doc` unless it
 * is there already; returns a function that removes it.
 */
export function injectMarkStyle(doc: Document, theme: Theme): () => void {
  const existing = doc.querySelector<HTMLStyleElement>('style[data-backstory-ui="marks"]');
  const style = existing ?? doc.createElement('style');
  if (!existing) {
    style.setAttribute(UI_ATTRIBUTE, 'marks');
    style.textContent = markCss(theme);
    (doc.head ?? doc.documentElement).append(style);
  }
  return () => style.remove();
}
