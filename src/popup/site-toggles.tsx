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

/** The three switches. */
export function SiteToggles({ site, settings, onChange }: { site: string; settings: Settings; onChange(next: Settings): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const siteOn = !settings.disabledSites.includes(site);

  async function run(call: () => ReturnType<typeof callBackground<'settings.update'>>) {
    setBusy(true);
    setError(undefined);
    const result = await call();
    if (result.ok) await onChange(result.value);
    else setError(friendlyError(result.error.message));
    setBusy(false);
  }

  return (
    <section class="toggles" aria-label="Highlighting">
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
            Highlight names on <strong>{site}</strong>
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
        <span>Highlight names on every site</span>
      </label>
      <label class="switch">
        <input
          type="checkbox"
          data-testid="toggle-every-mention"
          checked={settings.density === 'all'}
          disabled={busy}
          onChange={(e) => run(() => callBackground('settings.update', { patch: { density: (e.currentTarget as HTMLInputElement).checked ? 'all' : 'sections' } }))}
        />
        <span>Mark every mention (off: the first of each name per section)</span>
      </label>
      {site && siteOn && !settings.enabled && <p class="muted small">Highlighting is off everywhere, so this site shows none either.</p>}
      {error && <p class="error">{error}</p>}
    </section>
  );
}
