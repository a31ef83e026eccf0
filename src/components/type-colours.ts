/**
 * The one colour of each type group, on every surface: marks on pages, cards,
 * popup, legend, explorer and timeline. Each group has a value for light
 * backgrounds and one for dark backgrounds; a surface takes the value of its
 * own background's theme (extension pages and cards: the system theme, or a
 * dark page's; marks: the page's background). Both values reach WCAG AA
 * (4.5:1) as text on their background, and page text stays AA on a mark's
 * tint (`type-colours.test.ts` checks both).
 */
import { TYPE_GROUPS, type TypeGroup } from '../shared/catalog';

/** A background theme. */
export type Theme = 'light' | 'dark';

/** Hex colour of each group, per theme. */
export const TYPE_COLOURS: Readonly<Record<TypeGroup, Readonly<Record<Theme, string>>>> = {
  person: { light: '#b45309', dark: '#fbbf24' },
  group: { light: '#be123c', dark: '#fb7185' },
  state: { light: '#1d4ed8', dark: '#93c5fd' },
  place: { light: '#047857', dark: '#6ee7b7' },
  event: { light: '#7c3aed', dark: '#c4b5fd' },
};

/** Text drawn on a group's colour as a fill (a flashed mark), per theme. */
export const ON_TYPE_COLOUR: Readonly<Record<Theme, string>> = { light: '#ffffff', dark: '#111827' };

/** The background each theme's colours are checked against (theme.css `--bg`). */
export const THEME_BACKGROUND: Readonly<Record<Theme, string>> = { light: '#ffffff', dark: '#16181c' };

/** How opaque a mark's tint of its group colour is. */
export const MARK_TINT_ALPHA = 0.12;

/** `hex` (#rrggbb) as `rgba(r, g, b, alpha)`. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** CSS declarations `--<prefix><group>: <colour>;` for every group in `theme`. */
export function typeColourDeclarations(theme: Theme, prefix = '--'): string {
  return TYPE_GROUPS.map((g) => `${prefix}${g}: ${TYPE_COLOURS[g][theme]};`).join(' ');
}

/** The extension pages' group variables (`--person`, …), following the system theme. */
export const PAGE_TYPE_COLOUR_CSS = `:root { ${typeColourDeclarations('light')} }
@media (prefers-color-scheme: dark) { :root { ${typeColourDeclarations('dark')} } }`;

/** Adds the group variables to an extension page (popup, options); theme.css uses them. */
export function injectTypeColours(doc: Document): void {
  const style = doc.createElement('style');
  style.setAttribute('data-type-colours', '');
  style.textContent = PAGE_TYPE_COLOUR_CSS;
  doc.head.append(style);
}
