/**
 * The entries found on the page, grouped by colour group with mention counts.
 * Choosing one asks the tab to scroll to its first mention and flash it.
 */
import { useState } from 'preact/hooks';
import type { EntrySummary } from '../shared/card';
import type { TabCallMap } from '../shared/protocol';
import { callTab } from '../shared/messaging';
import { groupLabel } from '../components/type-groups';
import { groupFound } from './page-overview';
import { plural, t } from '../shared/i18n';

type TabState = TabCallMap['tab.state']['result'];

/** The page's entries. */
export function PageEntries({ tabId, state, names, namesLoading }: { tabId: number; state: TabState; names: ReadonlyMap<string, EntrySummary>; namesLoading: boolean }) {
  const [status, setStatus] = useState('');
  if (!state.active) {
    return (
      <p class="muted" data-testid="inactive">
        {t('popup_inactive')}
      </p>
    );
  }
  const groups = groupFound(state.counts, names);
  if (!groups.length) {
    return (
      <p class="muted" data-testid="no-entries">
        {t('popup_no_entries')}
      </p>
    );
  }
  const total = groups.reduce((n, g) => n + g.entries.length, 0);

  async function reveal(id: string, name: string) {
    const result = await callTab(tabId, 'tab.revealEntry', { entryId: id });
    setStatus(result.ok && result.value ? t('popup_showing_entry', name) : t('popup_entry_gone', name));
  }

  return (
    <section class="page-entries" aria-labelledby="page-entries-title">
      <h2 id="page-entries-title">
        {plural('popup_names_on_page', total)}
        {state.capped ? ` ${t('popup_stopped_early')}` : ''}
      </h2>
      <div data-testid="page-entries" aria-busy={namesLoading}>
        {groups.map((g) => (
          <div key={g.group} class="entry-group" data-group={g.group}>
            <h3>
              <span class={`swatch swatch--${g.group}`} aria-hidden="true" />
              {groupLabel(g.group)}
            </h3>
            <ul class="entries">
              {g.entries.map((e) => (
                <li key={e.id}>
                  <button type="button" class="entry-row" data-entry-id={e.id} data-count={e.count} onClick={() => reveal(e.id, e.name)}>
                    <span class="entry-row__name" dir="auto">
                      {e.name}
                    </span>
                    <span class="entry-row__count muted" aria-label={plural('popup_mentions', e.count)}>
                      {e.count}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <p class="muted small" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
