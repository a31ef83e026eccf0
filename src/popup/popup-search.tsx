/**
 * The popup's search box over the corpus and the reader's highlights. Results
 * open in the options page, in a new tab (the popup closes when it loses focus).
 */
import { useState } from 'preact/hooks';
import { callBackground } from '../shared/messaging';
import { useCall } from '../components/use-call';
import { useDebounced } from '../components/use-debounced';
import { useSearchWarmUp } from '../components/use-search-warm-up';
import { CallView, Loading } from '../components/status-notes';
import { SearchResults, type SearchLinks } from '../components/search-results';
import { t } from '../shared/i18n';
import { entryRoute, readerRoute } from '../shared/options-routes';

const LINKS: SearchLinks = {
  entryHref: (id) => `options.html#${entryRoute(id)}`,
  readerHref: (doc, passage) => `options.html#${readerRoute(doc, passage)}`,
  target: '_blank',
};

/** Search box and results. */
export function PopupSearch() {
  const [q, setQ] = useState('');
  useSearchWarmUp();
  const query = useDebounced(q.trim(), 200);
  const hits = useCall(() => (query ? callBackground('search.query', { q: query, limit: 8 }) : Promise.resolve({ ok: true as const, value: [] })), [query]);
  return (
    <section class="popup-search" aria-label={t('popup_search_region')}>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <label for="popup-q" class="visually-hidden">
          {t('popup_search_label')}
        </label>
        <input id="popup-q" type="search" placeholder={t('popup_search_placeholder')} value={q} onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)} />
      </form>
      {query && (
        <div data-testid="popup-results">
          <CallView state={hits} loading={<Loading lines={2} label={t('popup_searching')} />} ready={(value) => <SearchResults hits={value} query={query} links={LINKS} />} />
          {hits.status === 'ready' && hits.value.length > 0 && (
            <p class="small">
              <a href={`options.html#search?q=${encodeURIComponent(query)}`} target="_blank" rel="noopener">
                {t('popup_all_results')}
              </a>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
