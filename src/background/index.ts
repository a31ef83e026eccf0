/**
 * The background: Chrome's service worker, Firefox's event page. It owns the
 * database and answers the protocol. Listeners are registered synchronously at
 * the top level so a woken worker never misses the event that woke it.
 */
import type { Runtime } from 'webextension-polyfill';
import { browser, extensionOrigin, readStorageStatus, requestPersistentStorage, setBadge } from '../shared/platform';
import { envelope } from '../shared/protocol';
import { callTab } from '../shared/messaging';
import type { CorpusBundle } from '../shared/corpus';
import { dispatch } from './router';
import { classifySender } from './sender';
import { createServices, type Services } from './services';
import { createHandlers } from './handlers';
import { registerTabCommands } from './tab-commands';
import { extractArticleFromTab } from './extract-tab';
import { memoUntilRejected } from './memo-until-rejected';

// Both memos forget a rejected start, so the next message or install event retries it.
const services: () => Promise<Services> = memoUntilRejected(() =>
  createServices({
    bundledHash: __CORPUS_HASH__,
    async loadBundle() {
      const response = await fetch(browser.runtime.getURL('corpus.json'));
      return (await response.json()) as CorpusBundle;
    },
    async broadcastSettings(settings) {
      const tabs = await browser.tabs.query({});
      await Promise.all(
        tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, envelope('tab.settingsChanged', { settings })).catch(() => undefined))),
      );
    },
    setBadge,
    storageStatus: readStorageStatus,
    async tellTab(tabId, call, params) {
      const result = await callTab(tabId, call, params);
      return result.ok && result.value === true;
    },
    extractArticle: extractArticleFromTab,
  }),
);

const ready = memoUntilRejected(() => services().then((s) => ({ s, handlers: createHandlers(s) })));

browser.runtime.onMessage.addListener((message: unknown, rawSender: Runtime.MessageSender) => {
  const sender = classifySender(rawSender, browser.runtime.id, extensionOrigin());
  if (!sender) return undefined;
  return ready().then(({ handlers }) => dispatch(message, sender, handlers)).catch((error: unknown) => ({
    ok: false,
    error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
  }));
});

browser.runtime.onInstalled.addListener(() => {
  void services()
    // The card seeds too, rebuilt by this code (an update may assemble cards
    // differently), so the first card after an install or update is as quick as later ones.
    .then((s) => s.corpusModel.ready().then(() => s.cards.prepare({ rebuild: true })))
    .catch((error: unknown) => console.error('Backstory: could not load the corpus', error));
  void requestPersistentStorage();
});

// Asked again at every browser start: a grant can be withdrawn (Firefox: Page Info →
// Permissions), and where the browser grants it without a prompt, asking costs nothing.
browser.runtime.onStartup.addListener(() => void requestPersistentStorage());

registerTabCommands(async (tabId) => {
  const { handlers } = await ready();
  const result = await dispatch({ backstory: 1, call: 'library.add', params: { tabId } }, { kind: 'extension' }, handlers);
  // The badge says it was kept (or that there was nothing to keep) until the page's own count returns.
  await setBadge(tabId, result.ok ? '+' : '–').catch(() => undefined);
  return result.ok;
});
