/**
 * The entry table: every bundle the extension ships. Content scripts and pages
 * are IIFE bundles; the background is one too, so the same file works as
 * Chrome's service worker and as Firefox's event page script. The content
 * app is a module, which the content script's first stage imports.
 */
export interface BuildEntry {
  /** Source module. */
  in: string;
  /** Output name inside `dist/<browser>/` without extension. */
  out: string;
  /** An HTML shell to write beside the bundle (extension pages only). */
  page?: { title: string };
  /** `esm`: a module that another bundle loads with `import()`; an IIFE otherwise. */
  format?: 'esm';
}

/** All entries, one per extension context. */
export const ENTRIES: BuildEntry[] = [
  { in: 'src/background/index.ts', out: 'background' },
  // The content script's first stage, on every page; it loads the app only where there is something to show.
  { in: 'src/content/first-stage.ts', out: 'content' },
  { in: 'src/content/index.ts', out: 'content-app', format: 'esm' },
  // Injected on demand when the reader adds a page to the library, never on every page load.
  { in: 'src/extract/index.ts', out: 'extract' },
  { in: 'src/popup/index.tsx', out: 'popup', page: { title: 'Backstory' } },
  { in: 'src/options/index.tsx', out: 'options', page: { title: 'Backstory — explorer and settings' } },
  // The private frame page-side UI embeds where it shows the reader's own data (see ARCHITECTURE, Privacy).
  { in: 'src/private/index.tsx', out: 'private', page: { title: 'Backstory — your highlights' } },
];
