/**
 * The options page: explorer, entry pages, reader, timeline, relations,
 * search, highlights manager, library, settings and data, one hash route each.
 */
import { useEffect, useRef } from 'preact/hooks';
import { ENTRY_CARD_CSS } from '../components/entry-card/entry-card';
import { NAV, routeHash, viewLabel, type Route } from './route';
import { useRoute } from './use-route';
import { ExplorerView } from './views/explorer';
import { EntryView } from './views/entry';
import { ReaderView } from './views/reader';
import { TimelineView } from './views/timeline';
import { RelationsView } from './views/relations';
import { SearchView } from './views/search';
import { HighlightsView } from './views/highlights';
import { SettingsView } from './views/settings';
import { DataView } from './views/data';
import { LibraryView } from './views/library';
import { t } from '../shared/i18n';

/** Adds the entry card's styles to the document once (they are a string for the page-side shadow root). */
function useCardStyles(): void {
  useEffect(() => {
    if (document.getElementById('bs-card-css')) return;
    const style = document.createElement('style');
    style.id = 'bs-card-css';
    style.textContent = ENTRY_CARD_CSS;
    document.head.append(style);
  }, []);
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'explorer':
      return <ExplorerView />;
    case 'entry':
      return <EntryView id={route.id} />;
    case 'reader':
      return <ReaderView documentId={route.documentId} passageId={route.passageId} />;
    case 'timeline':
      return <TimelineView />;
    case 'relations':
      return <RelationsView />;
    case 'search':
      return <SearchView q={route.q} />;
    case 'highlights':
      return <HighlightsView entity={route.entity} />;
    case 'settings':
      return <SettingsView />;
    case 'data':
      return <DataView />;
    case 'library':
      return <LibraryView />;
  }
}

/** The options page's root. */
export function Options() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  useCardStyles();
  useEffect(() => {
    document.title = `${viewLabel(route.view)} — Backstory`;
  }, [route.view]);
  const current = route.view === 'entry' ? 'explorer' : route.view;
  return (
    <div class="layout">
      <a class="skip-link" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        {t('options_skip')}
      </a>
      <header class="top">
        <span class="brand">
          <img src="icons/icon-32.png" width="22" height="22" alt="" /> Backstory
        </span>
        <nav aria-label={t('options_sections')}>
          <ul>
            {NAV.map((item) => (
              <li key={item.view}>
                <a href={`#${routeHash(item.view === 'search' ? { view: 'search', q: '' } : item.view === 'reader' ? { view: 'reader' } : ({ view: item.view } as Route))}`} aria-current={current === item.view ? 'page' : undefined}>
                  {viewLabel(item.view)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <View route={route} />
      </main>
    </div>
  );
}
