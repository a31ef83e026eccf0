import { browser } from '../shared/platform';

/**
 * The tab the popup is about: the active tab of the current window, or the
 * `?tabId=` given when the popup is opened as a page (tests, keyboard users
 * who open it in a tab).
 */
export async function currentTabId(): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
