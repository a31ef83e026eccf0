import { browser } from '../shared/platform';

/** The tab the popup is about. */
export interface CurrentTab {
  id: number;
  /** The tab's URL, when the browser lets us see it (web pages it runs on). */
  url?: string;
}

/**
 * The tab the popup is about: the active tab of the current window, or the
 * `?tabId=` given when the popup is opened as a page (tests, keyboard users
 * who open it in a tab).
 */
export async function currentTab(): Promise<CurrentTab | undefined> {
  const fromQuery = new URLSearchParams(location.search).get('tabId');
  if (fromQuery && /^\d+$/.test(fromQuery)) {
    const id = Number(fromQuery);
    const tab = await browser.tabs.get(id).catch(() => undefined);
    return { id, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}
