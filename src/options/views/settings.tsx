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
import { GROUP_LABELS, GROUP_ORDER } from '../../components/type-groups';
import { Shortcuts } from './shortcuts';

function Form({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [status, setStatus] = useState('');
  async function save(patch: SettingsPatch) {
    const result = await callBackground('settings.update', { patch });
    if (result.ok) {
      setSettings(result.value);
      setStatus('Saved. Open tabs update now.');
    } else setStatus(friendlyError(result.error.message));
  }
  return (
    <div class="settings-form">
      <p role="status" aria-live="polite" class="muted small settings-status">
        {status}
      </p>
      <fieldset>
        <legend>Highlighting</legend>
        <label>
          <input type="checkbox" data-testid="setting-enabled" checked={settings.enabled} onChange={(e) => save({ enabled: (e.currentTarget as HTMLInputElement).checked })} /> Highlight names on web pages
        </label>
      </fieldset>
      <fieldset>
        <legend>Names to highlight</legend>
        {GROUP_ORDER.map((g) => (
          <label key={g} class="legend-row">
            <input type="checkbox" data-testid={`setting-type-${g}`} checked={settings.types[g]} onChange={(e) => save({ types: { [g]: (e.currentTarget as HTMLInputElement).checked } })} />{' '}
            <span class={`swatch swatch--${g}`} aria-hidden="true" />
            {GROUP_LABELS[g]}
          </label>
        ))}
        <p class="small muted">Each group has one colour, the same on pages, in cards, in the popup, in this legend and on the timeline (a lighter shade of it on dark backgrounds, so it stays readable).</p>
      </fieldset>
      <fieldset>
        <legend>Density</legend>
        <label>
          <input type="radio" name="density" data-testid="setting-density-sections" checked={settings.density === 'sections'} onChange={() => save({ density: 'sections' })} /> The first mention of each name in each
          section of an article (a heading starts a section)
        </label>
        <label>
          <input type="radio" name="density" data-testid="setting-density-all" checked={settings.density === 'all'} onChange={() => save({ density: 'all' })} /> Mark every mention
        </label>
        <label>
          <input type="radio" name="density" data-testid="setting-density-first" checked={settings.density === 'first'} onChange={() => save({ density: 'first' })} /> Only the first mention of each name on the page
        </label>
      </fieldset>
      <fieldset>
        <legend>Cards</legend>
        <label>
          Open a card after hovering a name for{' '}
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
          />{' '}
          milliseconds
        </label>
        <label>
          <input type="checkbox" data-testid="setting-tab-to-marks" checked={settings.tabToMarks} onChange={(e) => save({ tabToMarks: (e.currentTarget as HTMLInputElement).checked })} /> Reach names on pages with
          the Tab key (Enter or Space opens a name's card, Escape goes back to the name)
        </label>
      </fieldset>
      <fieldset>
        <legend>Sites where highlighting is off</legend>
        {settings.disabledSites.length ? (
          <ul class="sites" data-testid="disabled-sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" aria-label={`Turn highlighting back on for ${site}`} onClick={() => save({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>None. Turn a site off from the toolbar popup.</Empty>
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
      <h1 id="settings-title">Settings</h1>
      <CallView state={settings} loading={<Loading lines={20} />} ready={(s) => <Form initial={s} />} />
    </section>
  );
}
