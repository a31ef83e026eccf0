import { describe, expect, it } from 'vitest';
import { shortcutRows } from './shortcut-rows';

describe('shortcutRows', () => {
  it('names the popup command Chromium reports without a description, and says which shortcuts are not set', () => {
    const rows = shortcutRows([
      { name: '_execute_action', description: '', shortcut: '' },
      { name: 'next-mention', description: 'Move focus to the next highlighted name and open its card', shortcut: 'Alt+Shift+K' },
      { name: 'save-highlight', description: 'Save the selected text as a highlight', shortcut: '' },
    ]);
    expect(rows).toEqual([
      { id: '_execute_action', label: 'Open the Backstory popup', shortcut: undefined },
      { id: 'next-mention', label: 'Move focus to the next highlighted name and open its card', shortcut: 'Alt+Shift+K' },
      { id: 'save-highlight', label: 'Save the selected text as a highlight', shortcut: undefined },
    ]);
  });
});
