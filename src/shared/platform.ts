/**
 * The platform seam: the one place that touches the browser's extension API
 * and knows which browser it runs in. Everything that differs between Chrome
 * and Firefox lives here, so the rest of the code never checks the browser.
 *
 * Unit tests never import this module (webextension-polyfill throws outside an
 * extension); code that needs the browser takes it from here at the edges.
 */
import browser from 'webextension-polyfill';

export { browser };

/** The browser this build targets. */
export const BROWSER: 'chrome' | 'firefox' = __BROWSER__;

/** The extension's own origin, e.g. `chrome-extension://<id>/`. */
export function extensionOrigin(): string {
  return browser.runtime.getURL('');
}

/** The URL of one of our pages. */
export function extensionPageUrl(page: 'popup.html' | 'options.html', hash = ''): string {
  return browser.runtime.getURL(page) + (hash ? `#${hash}` : '');
}

/**
 * Asks the browser to keep our storage under pressure. Firefox may prompt or
 * refuse silently for extensions; Chrome grants it to installed extensions.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

/** Sets the toolbar badge of a tab. Firefox and Chrome both take the same call via the polyfill. */
export async function setBadge(tabId: number, text: string): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#4338ca' });
  await browser.action.setBadgeText({ tabId, text });
}
