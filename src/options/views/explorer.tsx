/**
 * The explorer: every catalog entry, by colour group, filterable by name.
 * Each links to its full entry page.
 */
import { useMemo, useState } from 'preact/hooks';
import { typeGroupOf } from '../../shared/catalog';
import type { EntrySummary } from '../../shared/card';
import { callBackground } from '../../shared/messaging';
import { useCall } from '../../components/use-call';
import { CallView, Empty, Loading } from '../../components/status-notes';
import { GROUP_ORDER, groupLabel } from '../../components/type-groups';
import { typeLabel } from '../../components/entry-card/type-label';
import { entryHref } from '../route';
import { plural, t } from '../../shared/i18n';

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function Groups({ entries }: { entries: EntrySummary[] }) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const f = fold(filter.trim());
    return f ? entries.filter((e) => fold(e.name).includes(f) || fold(e.summary).includes(f)) : entries;
  }, [entries, filter]);
  return (
    <>
      <p>
        <label for="explorer-filter">{t('explorer_filter')} </label>
        <input id="explorer-filter" type="search" value={filter} placeholder={t('explorer_filter_placeholder')} onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)} />{' '}
        <span class="muted" role="status">
          {t('explorer_count', shown.length, entries.length)}
        </span>
      </p>
      {!shown.length && <Empty>{t('empty_no_match', filter)}</Empty>}
      {GROUP_ORDER.map((group) => {
        const rows = shown.filter((e) => typeGroupOf(e.type) === group);
        if (!rows.length) return null;
        return (
          <section key={group} class="explorer-group" aria-labelledby={`group-${group}`} data-group={group}>
            <h2 id={`group-${group}`}>
              <span class={`swatch swatch--${group}`} aria-hidden="true" />
              {groupLabel(group)} <span class="muted">({rows.length})</span>
            </h2>
            <ul class="entry-grid">
              {rows.map((e) => (
                <li key={e.id} data-entry-id={e.id}>
                  <a href={entryHref(e.id)}>{e.name}</a>
                  <span class="muted small">
                    {' '}
                    {typeLabel(e.type)} · {plural('popup_mentions', e.mentionCount)}
                  </span>
                  {e.summary && <p class="small clamp">{e.summary}</p>}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** The explorer view. */
export function ExplorerView() {
  const entries = useCall(() => callBackground('corpus.entries', {}), []);
  return (
    <section aria-labelledby="explorer-title">
      <h1 id="explorer-title">{t('view_explorer')}</h1>
      <p class="muted">{t('explorer_intro')}</p>
      <CallView state={entries} loading={<Loading lines={20} label={t('explorer_loading')} />} ready={(value) => <Groups entries={value} />} />
    </section>
  );
}
