/**
 * The lines of the Settings shortcut list, from what `commands.getAll()`
 * reports: Chromium lists the popup's own command (`_execute_action`) with no
 * description, and an empty shortcut for a suggested key it did not assign.
 */
import { t } from '../../shared/i18n';

/** A command as `commands.getAll()` reports it. */
export interface BrowserCommand {
  name?: string;
  description?: string;
  shortcut?: string;
}

/** The commands the browser declares for us without a description (our own come described, in the reader's language, from the manifest). */
const BUILT_IN_NAMES = new Set(['_execute_action', '_execute_browser_action']);

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
    const label = c.description?.trim() || (BUILT_IN_NAMES.has(id) ? t('cmd_open_popup') : id);
    return { id, label, shortcut: c.shortcut?.trim() || undefined };
  });
}
