/**
 * Turns the one source `manifest.json` into each browser's manifest. Chromium
 * warns about `background.scripts` and Firefox's linter about
 * `background.service_worker`, so each build keeps only its own form.
 *
 * Chrome's messages are structured clones, as Firefox's always are
 * (`message_serialization`, Chrome 148+): the page's text goes to the
 * background in every `page.match`, and on the page's main thread a
 * structured clone of it costs less than Chrome's default JSON serialisation
 * (the page bench's match figures). One algorithm in both browsers also means a message
 * that works in one arrives the same in the other. An older Chrome ignores
 * the key and keeps JSON, which every message of ours survives (protocol
 * values are plain data). A clone takes two bytes for every character of a
 * string holding one above U+00FF, against Chromium's 64 MiB cap on a
 * message: files cross in pieces (`shared/file-pieces.ts`). Firefox's linter
 * does not know the key.
 */

/** The browsers we build for. */
export type TargetBrowser = 'chrome' | 'firefox';

/** A manifest as parsed JSON. Only the keys we rewrite are typed. */
export interface Manifest {
  version: string;
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: unknown;
  [key: string]: unknown;
}

/** Returns the manifest for one browser, leaving the source untouched. */
export function manifestFor(source: Manifest, browser: TargetBrowser, version?: string): Manifest {
  const manifest: Manifest = structuredClone(source);
  if (version) manifest.version = version;
  const background = manifest.background ?? {};
  if (browser === 'chrome') {
    manifest.background = { service_worker: background.service_worker ?? 'background.js' };
    manifest.message_serialization = 'structured_clone';
    delete manifest.browser_specific_settings;
  } else {
    manifest.background = { scripts: background.scripts ?? ['background.js'] };
  }
  return manifest;
}
