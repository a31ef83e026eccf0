/**
 * Settings: which groups to highlight (with their colours as a legend), hover
 * delay, whether Tab reaches names on pages, density, the sites where highlighting is off, and the keyboard
 * shortcuts. Every change is saved at once; the background tells open tabs.
 */
import { useState } from 'preact/hooks';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { callBackground } from '../../shared/messaging';
import { CallView, Empty, Loading, friendlyError } from '../../components/status-notes';
import { useCall } from '../../components/use-call';
import { GROUP_ORDER, groupLabel } from '../../components/type-groups';
import { Shortcuts } from './shortcuts';
import { splitMessage, t } from '../../shared/i18n';

function Form({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [status, setStatus] = useState('');
  const [delayBefore, delayAfter] = splitMessage('settings_hover_delay');
  async function save(patch: SettingsPatch) {
    const result = await callBackground('settings.update', { patch });
    if (result.ok) {
      setSettings(result.value);
      setStatus(t('settings_saved'));
    } else setStatus(friendlyError(result.error.message));
  }
  return (
    <div class="settings-form">
      <p role="status" aria-live="polite" class="muted small settings-status">
        {status}
      </p>
      <fieldset>
        <legend>{t('settings_highlighting')}</legend>
        <label>
          <input type="checkbox" data-testid="setting-enabled" checked={settings.enabled} onChange={(e) => save({ enabled: (e.currentTarget as HTMLInputElement).checked })} />{' '}
          {t('settings_enabled')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settings_names')}</legend>
        {GROUP_ORDER.map((g) => (
          <label key={g} class="legend-row">
            <input type="checkbox" data-testid={`setting-type-${g}`} checked={settings.types[g]} onChange={(e) => save({ types: { [g]: (e.currentTarget as HTMLInputElement).checked } })} />{' '}
            <span class={`swatch swatch--${g}`} aria-hidden="true" />
            {groupLabel(g)}
          </label>
        ))}
        <p class="small muted">{t('settings_colours_note')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('settings_density')}</legend>
        <label>
          <input type="radio" name="density" data-testid="setting-density-sections" checked={settings.density === 'sections'} onChange={() => save({ density: 'sections' })} />{' '}
          {t('settings_density_sections')}
        </label>
        <label>
          <input type="radio" name="density" data-testid="setting-density-all" checked={settings.density === 'all'} onChange={() => save({ density: 'all' })} /> {t('settings_density_all')}
        </label>
        <label>
          <input type="radio" name="density" data-testid="setting-density-first" checked={settings.density === 'first'} onChange={() => save({ density: 'first' })} />{' '}
          {t('settings_density_first')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settings_cards')}</legend>
        <label>
          {delayBefore}
          <input
            type="number"
            min={0}
            max={5000}
            step={50}
            value={settings.hoverDelayMs}
            style={{ width: '6em' }}
            onChange={(e) => {
              const value = Number((e.currentTarget as HTMLInputElement).value);
              if (Number.isFinite(value) && value >= 0 && value <= 5000) void save({ hoverDelayMs: value });
            }}
          />
          {delayAfter}
        </label>
        <label>
          <input type="checkbox" data-testid="setting-tab-to-marks" checked={settings.tabToMarks} onChange={(e) => save({ tabToMarks: (e.currentTarget as HTMLInputElement).checked })} />{' '}
          {t('settings_tab_to_marks')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settings_sites_off')}</legend>
        {settings.disabledSites.length ? (
          <ul class="sites" data-testid="disabled-sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" aria-label={t('settings_remove_site', site)} onClick={() => save({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
                  {t('settings_remove')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t('settings_no_sites')}</Empty>
        )}
      </fieldset>
      <Shortcuts />
    </div>
  );
}

/** The settings view. */
export function SettingsView() {
  const settings = useCall(() => callBackground('settings.get', {}), []);
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('view_settings')}</h1>
      <CallView state={settings} loading={<Loading lines={20} />} ready={(s) => <Form initial={s} />} />
    </section>
  );
}
