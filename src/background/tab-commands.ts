/**
 * The context menu item and keyboard commands. Both act on the page, so they
 * forward to the tab's content script, which knows the selection and the marks.
 */
import { browser } from '../shared/platform';
import { callTab } from '../shared/messaging';

const SAVE_MENU_ID = 'backstory-save-highlight';

/** Registers the context menu (on install) and the command listeners (every start). */
export function registerTabCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SAVE_MENU_ID, title: 'Save highlight in Backstory', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_MENU_ID && tab?.id !== undefined) void callTab(tab.id, 'tab.saveSelection', {});
  });
  browser.commands.onCommand.addListener((command, tab) => {
    const tabId = tab?.id;
    if (tabId === undefined) return;
    if (command === 'save-highlight') void callTab(tabId, 'tab.saveSelection', {});
    if (command === 'next-mention') void callTab(tabId, 'tab.focusNextMention', {});
  });
}
