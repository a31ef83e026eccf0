/**
 * Turns the one source `manifest.json` into each browser's manifest. Chromium
 * warns about `background.scripts` and Firefox's linter about
 * `background.service_worker`, so each build keeps only its own form.
 * `use_dynamic_url` is Chromium's: there a web-accessible file has an address
 * a page could guess (`chrome-extension://<the published id>/`) unless it is
 * reachable only at an address drawn each session; Firefox draws each
 * install's address already and does not know the key.
 */

/** The browsers we build for. */
export type TargetBrowser = 'chrome' | 'firefox';

/** A manifest as parsed JSON. Only the keys we rewrite are typed. */
export interface Manifest {
  version: string;
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: unknown;
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  [key: string]: unknown;
}

/** Returns the manifest for one browser, leaving the source untouched. */
export function manifestFor(source: Manifest, browser: TargetBrowser, version?: string): Manifest {
  const manifest: Manifest = structuredClone(source);
  if (version) manifest.version = version;
  const background = manifest.background ?? {};
  if (browser === 'chrome') {
    manifest.background = { service_worker: background.service_worker ?? 'background.js' };
    delete manifest.browser_specific_settings;
  } else {
    manifest.background = { scripts: background.scripts ?? ['background.js'] };
    for (const entry of manifest.web_accessible_resources ?? []) delete entry.use_dynamic_url;
  }
  return manifest;
}
