/**
 * The platform seam: the one place that touches the browser's extension API
 * and knows which browser it runs in. Everything that differs between Chrome
 * and Firefox lives here, so the rest of the code never checks the browser,
 * except the content script's size of a message (`MESSAGE_TEXT_CHARS` in
 * `extension-api.ts`): the content script does not load this module's polyfill.
 *
 * Unit tests never import this module (webextension-polyfill throws outside an
 * extension); code that needs the browser takes it from here at the edges.
 */
import browser from 'webextension-polyfill';
import { t } from './i18n';
import type { StorageStatus } from './protocol';
import { storageProtection } from './storage-protection';

export { browser };

/** The browser this build targets. */
export const BROWSER: 'chrome' | 'firefox' = __BROWSER__;

/** The extension's own origin, e.g. `chrome-extension://<id>/`. */
export function extensionOrigin(): string {
  return browser.runtime.getURL('');
}

/** The URL of one of our pages (in `extension-api.ts`, so the content script needs no polyfill for it). */
export { extensionPageUrl } from './extension-api';

/**
 * Asks the browser to keep our storage under pressure. Chrome's service worker
 * has no `navigator.storage.persist`; Firefox answers false for an extension
 * without the `unlimitedStorage` permission and true, without a prompt, for one
 * with it (checked in Firefox ESR 153). Either way the data stays across
 * restarts; this only concerns eviction when the disk runs short.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    const storage = globalThis.navigator?.storage;
    if (typeof storage?.persist !== 'function') return false;
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/**
 * Our storage's figures and whether the browser may evict it. Never throws:
 * unknown figures are left out, and unreadable persistence counts as not persisted.
 */
export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = globalThis.navigator?.storage;
  const [estimate, persisted, unlimitedStorage] = await Promise.all([
    storage?.estimate().catch(() => undefined),
    storage?.persisted().catch(() => false) ?? false,
    browser.permissions.contains({ permissions: ['unlimitedStorage'] }).catch(() => false),
  ]);
  return { usage: estimate?.usage, quota: estimate?.quota, persisted, protection: storageProtection({ persisted, unlimitedStorage, browser: BROWSER }) };
}

/**
 * Opens the browser's page for changing our keyboard shortcuts. Firefox refuses
 * `about:addons` in `tabs.create` ("Illegal URL") but has
 * `commands.openShortcutSettings` (Firefox 137+); Chrome has a page for it.
 */
export async function openShortcutSettings(): Promise<void> {
  if (BROWSER === 'firefox') {
    await (browser.commands as { openShortcutSettings?: () => Promise<void> }).openShortcutSettings?.();
    return;
  }
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** Where the reader changes shortcuts by hand, for the settings page's hint, in the interface language. */
export function shortcutsHint(): string {
  return t(BROWSER === 'firefox' ? 'shortcuts_hint_firefox' : 'shortcuts_hint_chrome');
}

/** Sets the toolbar badge of a tab. Firefox and Chrome both take the same call via the polyfill. */
export async function setBadge(tabId: number, text: string): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#4338ca' });
  await browser.action.setBadgeText({ tabId, text });
}
