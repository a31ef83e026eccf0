/**
 * The Settings section on keyboard shortcuts: every command by its name with
 * its shortcut, or, when the browser left it unset (a browser does not assign
 * a suggested key that clashes with one of its own), how to set one.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser, openShortcutSettings, shortcutsHint } from '../../shared/platform';
import { Loading } from '../../components/status-notes';
import { shortcutRows, type BrowserCommand } from './shortcut-rows';
import { t } from '../../shared/i18n';


/** The keyboard shortcuts fieldset. */
export function Shortcuts() {
  const [commands, setCommands] = useState<BrowserCommand[] | undefined>();
  useEffect(() => {
    browser.commands.getAll().then(setCommands, () => setCommands([]));
  }, []);
  return (
    <fieldset>
      <legend>{t('shortcuts_legend')}</legend>
      {!commands ? (
        <Loading lines={2} />
      ) : (
        <ul data-testid="shortcuts">
          {shortcutRows(commands).map((row) => (
            <li key={row.id} data-command={row.id}>
              {row.label}:{' '}
              {row.shortcut ? (
                <kbd>{row.shortcut}</kbd>
              ) : (
                <span data-testid="shortcut-unset">
                  <strong>{t('shortcuts_not_set')}</strong> {t('shortcuts_not_set_hint')}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void openShortcutSettings()}>
        {t('shortcuts_change')}
      </button>
      <p class="small muted" data-testid="shortcuts-hint">
        {shortcutsHint()}
      </p>
    </fieldset>
  );
}
