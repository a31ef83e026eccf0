/**
 * Styles of the toolbar, popover and toast, inside the closed shadow root.
 * Light and dark follow the reader's system preference.
 */
import { COLOUR_FILL } from '../highlight-style';

const swatches = Object.entries(COLOUR_FILL)
  .map(([name, fill]) => `.swatch[data-colour="${name}"] { background: ${fill.replace(/0\.4\d\)/, '0.9)')}; }`)
  .join('\n');

/** The UI's stylesheet. */
export const HIGHLIGHTS_UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.panel {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #4338ca; --accent-fg: #ffffff; --danger: #b42318; --field: #f6f8fa;
  position: fixed; top: 0; left: 0; z-index: 1;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--fg); background: var(--bg);
  border: 1px solid var(--line); border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0,0,0,.18);
  padding: 6px;
}
@media (prefers-color-scheme: dark) {
  .panel { --bg: #1f2328; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --accent: #818cf8; --accent-fg: #0d1117; --danger: #ff7b72; --field: #151b23; }
}
.row { display: flex; align-items: center; gap: 6px; }
.stack { display: flex; flex-direction: column; gap: 8px; }
button {
  font: inherit; color: inherit; background: transparent; border: 1px solid var(--line);
  border-radius: 6px; padding: 4px 10px; cursor: pointer; min-height: 28px;
}
button:hover { background: var(--field); }
button:focus-visible, textarea:focus-visible, .swatch:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
button.primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); font-weight: 600; }
button.danger { color: var(--danger); }
.swatch { width: 22px; height: 22px; min-height: 22px; padding: 0; border-radius: 50%; border: 2px solid transparent; }
.swatch[aria-checked="true"] { border-color: var(--fg); }
${swatches}
textarea {
  font: inherit; color: var(--fg); background: var(--field); border: 1px solid var(--line);
  border-radius: 6px; padding: 6px; width: 100%; min-height: 64px; resize: vertical;
}
.popover { width: 320px; padding: 10px; }
/* The note's private frame: a fixed size whatever the note (see highlight-popover.tsx). */
.note-frame { display: block; box-sizing: border-box; width: 100%; height: 132px; border: 0; }
.quote { margin: 0; padding-inline-start: 8px; border-inline-start: 3px solid var(--line); text-align: start; color: var(--muted); max-height: 7.5em; overflow: auto; white-space: pre-wrap; }
.changed { margin: 0; font-size: 12px; color: var(--muted); }
.error { margin: 0; color: var(--danger); font-size: 12px; max-width: 300px; }
.label { font-size: 12px; color: var(--muted); }
.toast { position: fixed; left: 50%; top: auto; bottom: 24px; transform: translateX(-50%); display: flex; gap: 12px; align-items: center; padding: 8px 12px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
