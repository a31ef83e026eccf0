/**
 * The few extension calls the content script makes, without
 * webextension-polyfill: the content script is parsed on every page, and the
 * polyfill (about 10 KB minified) only adds promises that both browsers
 * already have for these calls. Chrome's MV3 `chrome.runtime.sendMessage` and
 * `chrome.tabs.sendMessage` return promises; Firefox's `browser.*` does too.
 * For `runtime.onMessage`, a listener answers through `sendResponse` and
 * returns true, which both browsers honour (Chrome ignores a returned promise).
 *
 * Contexts that need more of the API (background, popup, options) take the
 * polyfill from `platform.ts`. What the content script must know of its
 * browser without it is here too: the size of a message.
 */

/**
 * Most page text a content script puts in one message (whole chunks of it,
 * a chunk longer than this alone; see `content/highlighter/annotator.ts`), by
 * browser: they pay for a message differently. Chrome serialises it as JSON
 * on the page's main thread, at a cost per character that grows with the
 * message: on a 1 MB page, messages of about 32 K characters took mostly
 * 0.1–0.7 ms each to send, Latin or Cyrillic text alike, and messages of
 * 128 K 1.4–16 ms. Firefox clones it, and at these sizes its cost per message
 * outweighs its cost per character: the same page took 36–42 ms of matching
 * work in messages of 128 K characters and 51–60 ms in messages of 32 K.
 * Never below `CHUNK_CHARS` (32 K): a chunk is the smallest message.
 */
export const MESSAGE_TEXT_CHARS = typeof __BROWSER__ !== 'undefined' && __BROWSER__ === 'firefox' ? 131_072 : 32_768;

/** How a message listener answers: call `sendResponse` later and return true, or return undefined to leave the message to others. */
export type MessageListener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => true | undefined;

/** The subset of `browser`/`chrome` used through this module. */
interface ExtensionApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getURL(path: string): string;
    /** Undefined once the extension is gone (an orphaned content script). */
    id?: string;
    onMessage: { addListener(listener: MessageListener): void; removeListener(listener: MessageListener): void };
  };
  /** Absent in content scripts. */
  tabs?: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
}

/** Firefox's promise-based `browser`, else Chrome's `chrome` (promise-based in MV3 for the calls above). */
function api(): ExtensionApi {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return (scope.browser ?? scope.chrome)!;
}

/** Sends a runtime message (to the background or our extension pages); rejects when no one receives it. */
export function sendRuntimeMessage(message: unknown): Promise<unknown> {
  return api().runtime.sendMessage(message);
}

/** Sends a message to the content script of a tab; rejects when no content script receives it. */
export function sendTabMessage(tabId: number, message: unknown): Promise<unknown> {
  const { tabs } = api();
  if (!tabs) return Promise.reject(new Error('No tabs API in this context.'));
  return tabs.sendMessage(tabId, message);
}

/** Adds a runtime message listener until `signal` aborts. */
export function onRuntimeMessage(listener: MessageListener, signal: AbortSignal): void {
  const { onMessage } = api().runtime;
  onMessage.addListener(listener);
  signal.addEventListener('abort', () => onMessage.removeListener(listener), { once: true });
}

/**
 * Whether this script's extension is still there. An update or reload of the
 * extension leaves the content scripts of open pages running, orphaned:
 * Chromium then clears `runtime.id`, and every call fails for good.
 */
export function extensionAlive(): boolean {
  try {
    return api().runtime.id !== undefined;
  } catch {
    return false;
  }
}

/** The URL of one of our pages. */
export function extensionPageUrl(page: 'popup.html' | 'options.html' | 'private.html', hash = ''): string {
  return api().runtime.getURL(page) + (hash ? `#${hash}` : '');
}

declare const browser: ExtensionApi;
declare const chrome: ExtensionApi;

/**
 * Imports the content app's module (`content-app.js`, web-accessible), as the
 * content script's first stage does. Spelt out per browser because the
 * add-ons linter accepts an `import()` of `runtime.getURL(...)` only as that
 * literal call; each build keeps its own branch.
 */
export function importContentApp(): Promise<unknown> {
  return __BROWSER__ === 'firefox' ? import(browser.runtime.getURL('content-app.js')) : import(chrome.runtime.getURL('content-app.js'));
}
