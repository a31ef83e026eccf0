/**
 * The toolbar popup, the page first: a search box, what Backstory found on the
 * current page and the page's saved highlights (each list scrolls in its own
 * box, so all three fit the default popup), then on/off for the site and
 * everywhere.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { EntrySummary } from '../shared/card';
import type { TabCallMap } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import { callBackground, callTab } from '../shared/messaging';
import { siteOf } from '../shared/page-url';
import { useCall } from '../components/use-call';
import { ErrorNote, Loading, friendlyError } from '../components/status-notes';
import { currentTab, type CurrentTab } from './current-tab';
import { PageEntries } from './page-entries';
import { PageHighlights } from './page-highlights';
import { PopupSearch } from './popup-search';
import { SiteToggles } from './site-toggles';
import { LibraryStatus } from './library-status';
import { t } from '../shared/i18n';

type TabState = TabCallMap['tab.state']['result'];

/** What the popup knows about its tab. */
interface Overview {
  tab: CurrentTab | undefined;
  site: string;
  /** The page's URL, when known (for the library row). */
  url?: string;
  /** The content script's live state, or why there is none. */
  state: { ok: true; value: TabState } | { ok: false; reason: string };
}

async function readOverview(): Promise<Overview> {
  const tab = await currentTab();
  if (!tab) return { tab, site: '', state: { ok: false, reason: 'no-tab' } };
  const [state, summary] = await Promise.all([callTab(tab.id, 'tab.state', {}), callBackground('page.summary', { tabId: tab.id })]);
  const url = tab.url ?? (summary.ok ? summary.value?.url : undefined);
  const site = url && /^https?:/.test(url) ? siteOf(url) : '';
  return { tab, site, url, state: state.ok ? { ok: true, value: state.value } : { ok: false, reason: state.error.message } };
}

/** The popup's root. */
export function Popup() {
  const [overview, setOverview] = useState<Overview | undefined>();
  const [settings, setSettings] = useState<Settings | undefined>();
  const [error, setError] = useState<string | undefined>();
  const entries = useCall(() => callBackground('corpus.entries', {}), []);

  const refresh = async () => setOverview(await readOverview());
  useEffect(() => {
    refresh().catch((e: unknown) => setError(String(e)));
    callBackground('settings.get', {}).then((r) => (r.ok ? setSettings(r.value) : setError(r.error.message)));
  }, []);

  const names = useMemo(() => new Map<string, EntrySummary>(entries.status === 'ready' ? entries.value.map((e) => [e.id, e]) : []), [entries]);

  const onSettings = async (next: Settings) => {
    setSettings(next);
    // The background told the tab before answering; read its new state.
    await refresh();
  };

  return (
    <main>
      <header class="popup-header">
        <h1>
          <img src="icons/icon-32.png" width="20" height="20" alt="" /> Backstory
        </h1>
        <a href="options.html#explorer" target="_blank" rel="noopener">
          {t('popup_explorer')}
        </a>
      </header>
      {error && <ErrorNote message={friendlyError(error)} />}
      <PopupSearch />
      {!overview || !settings ? (
        <Loading lines={6} label={t('popup_reading_page')} />
      ) : (
        <>
          {overview.state.ok ? (
            <>
              <PageEntries tabId={overview.tab!.id} state={overview.state.value} names={names} namesLoading={entries.status === 'loading'} />
              <PageHighlights tabId={overview.tab!.id} state={overview.state.value} />
              <LibraryStatus tabId={overview.tab!.id} url={overview.url} />
            </>
          ) : (
            <p class="unavailable" data-testid="unavailable">
              {t('popup_unavailable')}
            </p>
          )}
          <SiteToggles site={overview.site} settings={settings} onChange={onSettings} />
        </>
      )}
    </main>
  );
}
