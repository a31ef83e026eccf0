/**
 * The card's styles as a string, so the page-side container can put them in
 * a `<style>` inside its closed shadow root (no stylesheet file on the page)
 * and the options page can add the same text to its document. Every rule is
 * scoped under `.bs-card`. Light by default, dark when the system asks
 * (`data-theme="auto"`) or the host forces it (`data-theme="dark"`).
 * Sides are logical (`inline-start`, `text-align: start`): the card is laid
 * out in its language's direction, and quoted page text in its own.
 */
import { typeColourDeclarations } from '../type-colours';

const LIGHT = `
  --bs-bg: #ffffff; --bs-bg-soft: #f4f5f7; --bs-fg: #1b1f24; --bs-fg-soft: #57606a;
  --bs-border: #d0d7de; --bs-accent: #4338ca; --bs-notice: #fff7d6; --bs-notice-border: #e6c84f;
  ${typeColourDeclarations('light', '--bs-')}
  color-scheme: light;`;

const DARK = `
  --bs-bg: #16181c; --bs-bg-soft: #22252b; --bs-fg: #e8eaed; --bs-fg-soft: #a9b1bb;
  --bs-border: #3a3f47; --bs-accent: #a5b4fc; --bs-notice: #3a3220; --bs-notice-border: #8a7430;
  ${typeColourDeclarations('dark', '--bs-')}
  color-scheme: dark;`;

/** The card's CSS. */
export const ENTRY_CARD_CSS = `
.bs-card {${LIGHT}
  box-sizing: border-box; display: block; margin: 0; padding: 12px 14px;
  font: 14.5px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  color: var(--bs-fg); background: var(--bs-bg); text-align: start; direction: ltr;
  letter-spacing: normal; word-spacing: normal; text-transform: none; text-indent: 0; white-space: normal;
  overflow-wrap: anywhere;
}
.bs-card[data-theme="dark"] {${DARK} }
@media (prefers-color-scheme: dark) { .bs-card[data-theme="auto"] {${DARK} } }
.bs-card *, .bs-card *::before, .bs-card *::after { box-sizing: border-box; }
.bs-card p { margin: 0 0 8px; }
.bs-card a { color: var(--bs-accent); text-decoration: underline; text-underline-offset: 2px; }
.bs-card button { font: inherit; color: inherit; cursor: pointer; }
.bs-card :focus-visible { outline: 2px solid var(--bs-accent); outline-offset: 2px; border-radius: 3px; }
.bs-card__header { margin-bottom: 8px; }
.bs-card__title-row { display: flex; align-items: flex-start; gap: 8px; }
.bs-card__title { flex: 1; margin: 0; font-size: 17px; line-height: 1.3; font-weight: 650; }
.bs-card__close { flex: none; width: 28px; height: 28px; margin-block: -4px 0; margin-inline: 0 -6px; padding: 0; border: 0; border-radius: 6px; background: transparent; font-size: 20px; line-height: 1; color: var(--bs-fg-soft); }
.bs-card__close:hover { background: var(--bs-bg-soft); color: var(--bs-fg); }
.bs-card__back { display: inline-block; margin: 0 0 6px; padding: 2px 8px; border: 1px solid var(--bs-border); border-radius: 6px; background: var(--bs-bg-soft); font-size: 13px; }
.bs-card__type { display: inline-block; margin-top: 4px; padding: 0 8px; border-radius: 999px; font-size: 12px; font-weight: 600; line-height: 20px; border: 1px solid currentColor; }
.bs-card__type--person { color: var(--bs-person); }
.bs-card__type--group { color: var(--bs-group); }
.bs-card__type--state { color: var(--bs-state); }
.bs-card__type--place { color: var(--bs-place); }
.bs-card__type--event { color: var(--bs-event); }
.bs-card__muted { color: var(--bs-fg-soft); }
.bs-card__summary { margin: 0 0 6px; }
.bs-card__roles { margin: 8px 0; padding: 0; list-style: none; }
.bs-card__role { margin: 0 0 4px; }
.bs-card__outside { font-size: 12px; font-style: italic; color: var(--bs-fg-soft); }
.bs-card .bs-prov__toggle { display: inline; margin: 0; padding: 0 4px; border: 1px solid var(--bs-border); border-radius: 999px; background: var(--bs-bg-soft); font-size: 11.5px; line-height: 16px; color: var(--bs-fg-soft); vertical-align: 1px; }
.bs-card .bs-prov__toggle[aria-expanded="true"] { color: var(--bs-fg); border-color: var(--bs-accent); }
.bs-prov__panel { display: block; margin: 4px 0 6px; padding: 6px 8px; border-inline-start: 3px solid var(--bs-accent); background: var(--bs-bg-soft); font-size: 13px; }
.bs-prov__item { display: block; }
.bs-prov__item + .bs-prov__item { margin-top: 4px; }
.bs-prov__quote { font-style: normal; }
.bs-card__notice { margin: 0 0 10px; padding: 8px 10px; border: 1px solid var(--bs-notice-border); border-radius: 8px; background: var(--bs-notice); font-size: 13.5px; }
.bs-card__notice p { margin: 0 0 6px; }
.bs-card__footer:has(.bs-card__more) { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.bs-card__more { display: inline-block; margin: 0; padding: 3px 12px; border: 1px solid var(--bs-border); border-radius: 6px; background: var(--bs-bg-soft); color: var(--bs-fg); font-weight: 600; }
.bs-card__more:focus-visible, .bs-card button:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
.bs-card__not-this { padding: 3px 10px; border: 1px solid var(--bs-border); border-radius: 6px; background: var(--bs-bg); }
.bs-card__error { color: var(--bs-group); }
.bs-card__facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 10px; margin: 8px 0; }
.bs-card__facts dt { color: var(--bs-fg-soft); }
.bs-card__facts dd { margin: 0; }
.bs-card__section { margin-top: 12px; padding-top: 8px; border-top: 1px solid var(--bs-border); }
.bs-card__heading { margin: 0 0 6px; font-size: 12px; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; color: var(--bs-fg-soft); }
.bs-card__list { margin: 0; padding: 0; list-style: none; }
.bs-card__list > li { margin: 0 0 8px; }
.bs-card__quote { display: block; margin: 0 0 2px; padding: 0; padding-inline-start: 10px; border-inline-start: 3px solid var(--bs-border); font-style: normal; }
.bs-card__source, .bs-card__evidence, .bs-card__note { display: block; font-size: 13px; color: var(--bs-fg-soft); }
.bs-card__evidence { margin-top: 2px; }
.bs-card__date { display: inline-block; min-width: 5.5em; color: var(--bs-fg-soft); font-variant-numeric: tabular-nums; }
.bs-card__inline-list { display: flex; flex-wrap: wrap; gap: 4px 6px; }
.bs-card__entry { display: inline; margin: 0; padding: 0 2px; border: 0; border-bottom: 2px solid currentColor; border-radius: 0; background: transparent; font-weight: 600; text-align: start; }
.bs-card__entry--person { border-bottom-color: var(--bs-person); }
.bs-card__entry--group { border-bottom-color: var(--bs-group); }
.bs-card__entry--state { border-bottom-color: var(--bs-state); }
.bs-card__entry--place { border-bottom-color: var(--bs-place); }
.bs-card__entry--event { border-bottom-color: var(--bs-event); }
.bs-card__entry:hover { background: var(--bs-bg-soft); }
.bs-card__highlight { padding-inline-start: 8px; border-inline-start: 4px solid #e0b400; }
.bs-card__highlight--green { border-inline-start-color: #2f9e44; }
.bs-card__highlight--blue { border-inline-start-color: #1c7ed6; }
.bs-card__highlight--pink { border-inline-start-color: #d6336c; }
.bs-card__highlight--purple { border-inline-start-color: #7048e8; }
.bs-card__highlight .bs-card__quote { padding: 0; border: 0; }
.bs-card__skeleton { display: grid; gap: 8px; }
.bs-card__bone { display: block; height: 12px; border-radius: 6px; background: var(--bs-bg-soft); }
.bs-card__bone--short { width: 60%; }
@media (prefers-reduced-motion: no-preference) {
  .bs-card__bone { animation: bs-card-pulse 1.2s ease-in-out infinite alternate; }
}
@keyframes bs-card-pulse { from { opacity: 1; } to { opacity: 0.45; } }
.bs-card__footer { margin-top: 12px; padding-top: 8px; border-top: 1px solid var(--bs-border); font-size: 12.5px; color: var(--bs-fg-soft); }
.bs-card__footer kbd { font: 600 12px/1 ui-monospace, SFMono-Regular, Menlo, monospace; padding: 1px 4px; border: 1px solid var(--bs-border); border-radius: 4px; }
`;
