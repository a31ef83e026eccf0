/**
 * The highlights manager: every saved highlight, searchable by text and note,
 * site and entity, sorted by date or site, a page of {@link PAGE_SIZE} at a
 * time; bulk delete with undo (`highlights.delete` returns the records, Undo
 * gives them to `highlights.restore`).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Highlight } from '../../shared/highlight';
import type { HighlightQuery } from '../../shared/protocol';
import { callBackground } from '../../shared/messaging';
import { useCall } from '../../components/use-call';
import { useDebounced } from '../../components/use-debounced';
import { CallView, Empty, Loading, friendlyError } from '../../components/status-notes';
import { entryHref, routeHash } from '../route';
import { plural, t } from '../../shared/i18n';

function Row({ h, names, selected, onSelect }: { h: Highlight; names: ReadonlyMap<string, string>; selected: boolean; onSelect(on: boolean): void }) {
  return (
    <li class="hl-row" data-highlight-id={h.id}>
      <input type="checkbox" aria-label={t('highlights_select_one', h.quote.slice(0, 40))} checked={selected} onChange={(e) => onSelect((e.currentTarget as HTMLInputElement).checked)} />
      <div>
        <p class="hl-quote">
          <span class={`hl-swatch hl-swatch--${h.colour}`} aria-hidden="true" />
          {h.quote}
        </p>
        {h.note && <p class="small">{t('search_note', h.note)}</p>}
        <p class="small muted">
          <a href={h.url} target="_blank" rel="noopener">
            {h.title || h.url}
          </a>{' '}
          · {h.site} · {new Date(h.createdAt).toLocaleDateString()}
          {h.entityIds.length > 0 && ' · '}
          {h.entityIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <a href={entryHref(id)}>{names.get(id) ?? id}</a>
            </span>
          ))}
        </p>
      </div>
    </li>
  );
}

/** Highlights asked for at a time: the first page, then each "Show more". */
const PAGE_SIZE = 500;

/** The pages after the first, for the request of the list they continue. */
interface MorePages {
  generation: number;
  items: Highlight[];
  /** The total the last page's answer gave (highlights may have been saved or deleted elsewhere since the first). */
  total: number;
  /** The last page came back short: nothing is left to ask for. */
  done: boolean;
}

/** The manager view; `entity`: open it showing the highlights that mention that entry (a card's link to all of them). */
export function HighlightsView({ entity = '' }: { entity?: string }) {
  const [text, setText] = useState('');
  const [site, setSite] = useState('');
  const [entityId, setEntityId] = useState(entity);
  useEffect(() => setEntityId(entity), [entity]);
  useEffect(() => {
    // The hash follows the filter, so a reload or a copied link keeps it.
    const hash = `#${routeHash(entityId ? { view: 'highlights', entity: entityId } : { view: 'highlights' })}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }, [entityId]);
  const [sort, setSort] = useState<NonNullable<HighlightQuery['sort']>>('newest');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<Highlight[] | undefined>();
  const [message, setMessage] = useState('');
  const [version, setVersion] = useState(0);
  const q = useDebounced({ text: text.trim(), site: site.trim() }, 200);
  const entries = useCall(() => callBackground('corpus.entries', {}), []);
  const names = new Map(entries.status === 'ready' ? entries.value.map((e) => [e.id, e.name]) : []);
  function query(offset: number, limit: number): HighlightQuery {
    const query: HighlightQuery = { sort, limit };
    if (offset) query.offset = offset;
    if (q.text) query.text = q.text;
    if (q.site) query.site = q.site;
    if (entityId) query.entityId = entityId;
    return query;
  }
  const filterKey = JSON.stringify([q.text, q.site, entityId, sort]);
  // Rows the reader asked to see in this filter and order: one page, and a page more with each
  // "Show more". Another filter or order starts from one page again (a ref, so the request made
  // for the new filter in this very render already asks for one page).
  const wanted = useRef({ filterKey, rows: PAGE_SIZE });
  if (wanted.current.filterKey !== filterKey) wanted.current = { filterKey, rows: PAGE_SIZE };
  // Each request of the list starts a generation: pages fetched for an older one are dropped.
  const generation = useRef(0);
  const list = useCall(() => {
    generation.current++;
    // Every row asked for so far: a deletion or an undo does not fold the list back to one page.
    return callBackground('highlights.list', query(0, wanted.current.rows));
  }, [filterKey, version]);
  const [more, setMore] = useState<MorePages>({ generation: -1, items: [], total: 0, done: false });
  const extra = more.generation === generation.current ? more : undefined;
  const loadingMore = useRef(false);
  const [busy, setBusy] = useState(false);
  // After "Show more", the keyboard goes on from the first row it added (the button may be gone).
  const focusRow = useRef('');
  useEffect(() => {
    if (!focusRow.current) return;
    document.querySelector<HTMLInputElement>(`[data-highlight-id="${CSS.escape(focusRow.current)}"] input`)?.focus();
    focusRow.current = '';
  }, [more]);

  async function showMore(shown: readonly Highlight[]) {
    if (loadingMore.current) return;
    loadingMore.current = true;
    setBusy(true);
    const asked = generation.current;
    // From the rows asked for so far, not the rows shown: a row the store no longer found still held its place.
    const offset = wanted.current.rows;
    const result = await callBackground('highlights.list', query(offset, PAGE_SIZE));
    loadingMore.current = false;
    setBusy(false);
    if (asked !== generation.current) return; // the list was asked for again meanwhile
    if (!result.ok) return setMessage(friendlyError(result.error.message));
    wanted.current.rows = offset + PAGE_SIZE;
    // A highlight saved in another tab meanwhile moves the order by one: the first row of this page was the last of the one before.
    const seen = new Set(shown.map((h) => h.id));
    const added = result.value.items.filter((h) => !seen.has(h.id));
    const done = result.value.items.length < PAGE_SIZE || offset + PAGE_SIZE >= result.value.total;
    focusRow.current = added[0]?.id ?? (done ? (shown.at(-1)?.id ?? '') : '');
    setMore({ generation: asked, items: [...(extra?.items ?? []), ...added], total: result.value.total, done });
  }

  async function remove() {
    const result = await callBackground('highlights.delete', { ids: [...selected] });
    if (!result.ok) return setMessage(friendlyError(result.error.message));
    setUndo(result.value);
    setSelected(new Set());
    setMessage(plural('data_deleted', result.value.length));
    setVersion((v) => v + 1);
  }
  async function restore() {
    if (!undo) return;
    const result = await callBackground('highlights.restore', { highlights: undo });
    if (!result.ok) return setMessage(friendlyError(result.error.message));
    setMessage(t('highlights_restored', undo.length));
    setUndo(undefined);
    setVersion((v) => v + 1);
  }

  return (
    <section aria-labelledby="highlights-title">
      <h1 id="highlights-title">{t('heading_your_highlights')}</h1>
      <div class="filters">
        <label>
          {t('highlights_filter_text')} <input type="search" value={text} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('highlights_filter_site')} <input type="search" value={site} placeholder="example.com" onInput={(e) => setSite((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('highlights_filter_names')}{' '}
          <select value={entityId} onChange={(e) => setEntityId((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('highlights_any')}</option>
            {entries.status === 'ready' &&
              entries.value.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            {/* A link's entry that is no longer an entry (an own entry removed): still the filter in force, so it shows. */}
            {entityId && entries.status === 'ready' && !entries.value.some((e) => e.id === entityId) && <option value={entityId}>{entityId}</option>}
          </select>
        </label>
        <label>
          {t('highlights_sort')}{' '}
          <select value={sort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as typeof sort)}>
            <option value="newest">{t('highlights_sort_newest')}</option>
            <option value="oldest">{t('highlights_sort_oldest')}</option>
            <option value="site">{t('highlights_sort_site')}</option>
          </select>
        </label>
      </div>
      <div class="bulk" role="status" aria-live="polite">
        <button type="button" disabled={!selected.size} onClick={remove}>
          {selected.size ? t('highlights_delete_n', selected.size) : t('highlights_delete_selected')}
        </button>{' '}
        {message}{' '}
        {undo && (
          <button type="button" class="primary" onClick={restore}>
            {t('highlights_undo')}
          </button>
        )}
      </div>
      <CallView
        state={list}
        loading={<Loading lines={10} />}
        ready={({ items: first, total: firstTotal }) => {
          const items = extra ? [...first, ...extra.items] : first;
          const total = extra ? extra.total : firstTotal;
          return items.length ? (
            <>
              <p class="muted small">
                {plural('highlights_total', total)}
                {items.length < total ? `, ${t('highlights_showing', items.length)}` : ''}.{' '}
                <button type="button" onClick={() => setSelected(selected.size === items.length ? new Set() : new Set(items.map((h) => h.id)))}>
                  {selected.size === items.length ? t('highlights_select_none') : t('highlights_select_all')}
                </button>
              </p>
              <ul class="hl-list" aria-busy={busy}>
                {items.map((h) => (
                  <Row
                    key={h.id}
                    h={h}
                    names={names}
                    selected={selected.has(h.id)}
                    onSelect={(on) => {
                      const next = new Set(selected);
                      if (on) next.add(h.id);
                      else next.delete(h.id);
                      setSelected(next);
                    }}
                  />
                ))}
              </ul>
              {items.length < total && !extra?.done && (
                // aria-disabled, not disabled: a disabled button would drop the keyboard's focus while the page loads.
                <button type="button" class="hl-more" aria-disabled={busy} onClick={() => void showMore(items)}>
                  {t('highlights_show_more', Math.min(PAGE_SIZE, total - items.length))}
                </button>
              )}
            </>
          ) : (
            <Empty>{text || site || entityId ? t('empty_highlights_filtered') : t('empty_highlights')}</Empty>
          );
        }}
      />
    </section>
  );
}
