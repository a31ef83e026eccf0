/**
 * On/off switches: for the current site (`settings.toggleSite`), for every
 * site (`settings.update {enabled}`) and for marking every mention instead of
 * the first of each name per section (`settings.update {density}`). The background tells open tabs, which
 * add or remove their highlights without a reload.
 */
import { useState } from 'preact/hooks';
import type { Settings } from '../shared/settings';
import { callBackground } from '../shared/messaging';
import { friendlyError } from '../components/status-notes';
import { splitMessage, t } from '../shared/i18n';

/** The three switches. */
export function SiteToggles({ site, settings, onChange }: { site: string; settings: Settings; onChange(next: Settings): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const siteOn = !settings.disabledSites.includes(site);
  const [siteBefore, siteAfter] = splitMessage('popup_toggle_site');

  async function run(call: () => ReturnType<typeof callBackground<'settings.update'>>) {
    setBusy(true);
    setError(undefined);
    const result = await call();
    if (result.ok) await onChange(result.value);
    else setError(friendlyError(result.error.message));
    setBusy(false);
  }

  return (
    <section class="toggles" aria-label={t('popup_toggles_region')}>
      {site && (
        <label class="switch">
          <input
            type="checkbox"
            data-testid="toggle-site"
            checked={siteOn}
            disabled={busy}
            onChange={(e) => run(() => callBackground('settings.toggleSite', { site, enabled: (e.currentTarget as HTMLInputElement).checked }))}
          />
          <span>
            {siteBefore}
            <strong dir="auto">{site}</strong>
            {siteAfter}
          </span>
        </label>
      )}
      <label class="switch">
        <input
          type="checkbox"
          data-testid="toggle-global"
          checked={settings.enabled}
          disabled={busy}
          onChange={(e) => run(() => callBackground('settings.update', { patch: { enabled: (e.currentTarget as HTMLInputElement).checked } }))}
        />
        <span>{t('popup_toggle_global')}</span>
      </label>
      <label class="switch">
        <input
          type="checkbox"
          data-testid="toggle-every-mention"
          checked={settings.density === 'all'}
          disabled={busy}
          onChange={(e) => run(() => callBackground('settings.update', { patch: { density: (e.currentTarget as HTMLInputElement).checked ? 'all' : 'sections' } }))}
        />
        <span>{t('popup_toggle_every_mention')}</span>
      </label>
      {site && siteOn && !settings.enabled && <p class="muted small">{t('popup_off_everywhere')}</p>}
      {error && <p class="error">{error}</p>}
    </section>
  );
}
