/**
 * The lines of the Settings shortcut list, from what `commands.getAll()`
 * reports: Chromium lists the popup's own command (`_execute_action`) with no
 * description, and an empty shortcut for a suggested key it did not assign.
 */

/** A command as `commands.getAll()` reports it. */
export interface BrowserCommand {
  name?: string;
  description?: string;
  shortcut?: string;
}

/** The names of the commands the browser declares for us without a description. */
const BUILT_IN_NAMES: Record<string, string> = {
  _execute_action: 'Open the Backstory popup',
  _execute_browser_action: 'Open the Backstory popup',
};

/** One line of the list: what the command does, and its shortcut (undefined when not set). */
export interface ShortcutRow {
  id: string;
  label: string;
  shortcut: string | undefined;
}

/** The rows to show for `commands`: a readable name for each, and its shortcut when the browser assigned one. */
export function shortcutRows(commands: readonly BrowserCommand[]): ShortcutRow[] {
  return commands.map((c, i) => {
    const id = c.name ?? `command-${i}`;
    const label = c.description?.trim() || BUILT_IN_NAMES[id] || id;
    return { id, label, shortcut: c.shortcut?.trim() || undefined };
  });
}
