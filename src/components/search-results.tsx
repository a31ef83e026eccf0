/**
 * Ranked search hits (entries, corpus passages, the reader's highlights) with
 * the matching words emphasised. Used by the popup's search box and the
 * options page's search view; each host says where a hit links to.
 */
import type { SearchHit } from '../shared/protocol';
import { typeGroupOf } from '../shared/catalog';
import { typeLabel } from './entry-card/type-label';
import { Emphasised } from './emphasis';
import { splitMessage, t } from '../shared/i18n';

/** Where hits link to, and in which target (the popup opens tabs). */
export interface SearchLinks {
  entryHref(id: string): string;
  readerHref(documentId: string, passageId: string): string;
  /** Target of the links: `_blank` from the popup. */
  target?: string;
}

/** Long passages are cut around the first match so the match is visible. */
function around(text: string, query: string, max = 220): string {
  if (text.length <= max) return text;
  const first = query.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const at = Math.max(0, text.toLowerCase().indexOf(first.slice(0, 4)));
  const start = Math.max(0, Math.min(at - 60, text.length - max));
  return `${start > 0 ? '…' : ''}${text.slice(start, start + max)}${start + max < text.length ? '…' : ''}`;
}

function Hit({ hit, query, links }: { hit: SearchHit; query: string; links: SearchLinks }) {
  const rel = links.target === '_blank' ? 'noopener' : undefined;
  if (hit.kind === 'entry') {
    return (
      <li class="hit" data-kind="entry" data-entry-id={hit.entry.id}>
        <a href={links.entryHref(hit.entry.id)} target={links.target} rel={rel} class="hit__title">
          <span class={`swatch swatch--${typeGroupOf(hit.entry.type)}`} aria-hidden="true" />
          <Emphasised text={hit.entry.name} query={query} />
        </a>
        <span class="hit__kind muted">{typeLabel(hit.entry.type)}</span>
        {hit.snippet && (
          <p class="hit__text">
            <Emphasised text={around(hit.snippet, query)} query={query} />
          </p>
        )}
      </li>
    );
  }
  if (hit.kind === 'passage') {
    const e = hit.excerpt;
    return (
      <li class="hit" data-kind="passage" data-passage-id={e.passageId}>
        <a href={links.readerHref(e.documentId, e.passageId)} target={links.target} rel={rel} class="hit__title">
          {e.documentTitle}
        </a>
        <span class="hit__kind muted">
          {t('search_kind_passage')}
          {e.outlet ? ` · ${e.outlet}` : ''} · {e.published}
        </span>
        <p class="hit__text">
          <Emphasised text={around(e.text, query)} query={query} />
        </p>
      </li>
    );
  }
  const h = hit.highlight;
  const [noteBefore, noteAfter] = splitMessage('search_note');
  return (
    <li class="hit" data-kind="highlight" data-highlight-id={h.id}>
      <a href={h.url} target="_blank" rel="noopener" class="hit__title">
        {h.title || h.site}
      </a>
      <span class="hit__kind muted">
        {t('search_kind_highlight')} · {h.site}
      </span>
      <p class="hit__text">
        <span class={`hl-swatch hl-swatch--${h.colour}`} aria-hidden="true" />
        <Emphasised text={around(h.quote, query)} query={query} />
      </p>
      {h.note && (
        <p class="hit__note muted">
          {noteBefore}
          <Emphasised text={around(h.note, query)} query={query} />
          {noteAfter}
        </p>
      )}
    </li>
  );
}

/** The hit list; says so when nothing matched. */
export function SearchResults({ hits, query, links }: { hits: SearchHit[]; query: string; links: SearchLinks }) {
  if (!hits.length) return <p class="empty muted">{t('search_no_match', query)}</p>;
  return (
    <ol class="hits" aria-label={t('search_results_for', query)}>
      {hits.map((hit) => (
        <Hit key={`${hit.kind}:${hit.kind === 'entry' ? hit.entry.id : hit.kind === 'passage' ? hit.excerpt.passageId : hit.highlight.id}`} hit={hit} query={query} links={links} />
      ))}
    </ol>
  );
}
