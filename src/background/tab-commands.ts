/**
 * The context menu item and keyboard commands. Both act on the page, so they
 * forward to the tab's content script, which knows the selection and the marks.
 */
import { browser } from '../shared/platform';
import { callTab } from '../shared/messaging';
import { t } from '../shared/i18n';

/** The context menu item's id. */
export const SAVE_MENU_ID = 'backstory-save-highlight';
/** The page context menu item that adds the page to the library. */
export const LIBRARY_MENU_ID = 'backstory-add-to-library';

/** The selection context menu item that starts an own entry with the selected words as its name. */
export const OWN_ENTRY_MENU_ID = 'backstory-own-entry';

/** Adds a tab's article to the library (the background's `library.add`), set by `registerTabCommands`. */
let addToLibrary: ((tabId: number) => Promise<boolean>) | undefined;

/** What the menu and command listeners receive about the tab (the fields we use). */
interface TabLike {
  id?: number;
}

/** The context menu's click: saves the selection of the tab it was opened in. */
export async function onMenuClicked(info: { menuItemId: string | number; selectionText?: string }, tab?: TabLike): Promise<boolean> {
  if (info.menuItemId === OWN_ENTRY_MENU_ID) {
    // The form in our options page, the name filled in: the reader adds the rest and confirms there.
    const name = (info.selectionText ?? '').trim().slice(0, 200);
    await browser.tabs.create({ url: browser.runtime.getURL(`options.html#library?name=${encodeURIComponent(name)}`) });
    return true;
  }
  if (info.menuItemId === LIBRARY_MENU_ID && tab?.id !== undefined) return (await addToLibrary?.(tab.id)) ?? false;
  if (info.menuItemId !== SAVE_MENU_ID || tab?.id === undefined) return false;
  const result = await callTab(tab.id, 'tab.saveSelection', {});
  return result.ok && result.value;
}

/** A keyboard command (manifest `commands`), sent to the tab it was pressed in. */
export async function onCommand(command: string, tab?: TabLike): Promise<boolean> {
  const tabId = tab?.id;
  if (tabId === undefined) return false;
  if (command === 'save-highlight') {
    const result = await callTab(tabId, 'tab.saveSelection', {});
    return result.ok && result.value;
  }
  if (command === 'add-to-library') return (await addToLibrary?.(tabId)) ?? false;
  if (command === 'next-mention') {
    const result = await callTab(tabId, 'tab.focusNextMention', {});
    return result.ok && result.value;
  }
  return false;
}

/** Registers the context menus (on install) and the command listeners (every start); `library` adds a tab's article to the library. */
export function registerTabCommands(library?: (tabId: number) => Promise<boolean>): void {
  addToLibrary = library;
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SAVE_MENU_ID, title: t('menu_save_highlight'), contexts: ['selection'] });
    browser.contextMenus.create({ id: LIBRARY_MENU_ID, title: t('menu_add_to_library'), contexts: ['page'] });
    browser.contextMenus.create({ id: OWN_ENTRY_MENU_ID, title: t('menu_own_entry'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  // Browser automation cannot click a native context menu or press an extension
  // shortcut, so the test builds expose the very listeners to e2e tests.
  if (typeof __TEST_HOOKS__ !== 'undefined' && __TEST_HOOKS__) (globalThis as { backstoryTabCommands?: unknown }).backstoryTabCommands = { onMenuClicked, onCommand };
}
