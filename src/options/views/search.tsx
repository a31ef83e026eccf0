/**
 * Search across entries, corpus passages and the reader's highlights, ranked,
 * with the matching words emphasised. The query lives in the hash
 * (`#search?q=`), so a search is linkable and the back button works.
 */
import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../../shared/messaging';
import { useCall } from '../../components/use-call';
import { useDebounced } from '../../components/use-debounced';
import { useSearchWarmUp } from '../../components/use-search-warm-up';
import { CallView, Loading } from '../../components/status-notes';
import { SearchResults, type SearchLinks } from '../../components/search-results';
import { entryHref, readerHref, routeHash } from '../route';
import { t } from '../../shared/i18n';

const LINKS: SearchLinks = { entryHref, readerHref };

/** The search view. */
export function SearchView({ q }: { q: string }) {
  const [text, setText] = useState(q);
  useSearchWarmUp();
  const query = useDebounced(text.trim(), 250);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    // Keep the hash in step without adding a history entry per keystroke.
    const hash = `#${routeHash({ view: 'search', q: query })}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }, [query]);
  const hits = useCall(() => (query ? callBackground('search.query', { q: query, limit: 60 }) : Promise.resolve({ ok: true as const, value: [] })), [query]);
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t('view_search')}</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="search-q">{t('search_label')} </label>
        <input id="search-q" type="search" value={text} autoFocus onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
      </form>
      <div data-testid="search-results" class="search-results">
        {query ? (
          <CallView state={hits} loading={<Loading lines={10} label={t('popup_searching')} />} ready={(value) => <SearchResults hits={value} query={query} links={LINKS} />} />
        ) : (
          <p class="muted">{t('search_hint')}</p>
        )}
      </div>
    </section>
  );
}
