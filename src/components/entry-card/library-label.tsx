/**
 * Where an excerpt comes from, said in words: "From your library — The Moscow
 * Times, 28 Jan 2026" for an article the reader added, "From the corpus" for
 * a bundled one. Every excerpt that can come from the library carries it.
 */
import type { Excerpt } from '../../shared/card';
import { libraryLabel } from '../../shared/library';
import { t } from '../../shared/i18n';

/** The origin label of `excerpt`. */
export function OriginLabel({ excerpt }: { excerpt: Excerpt }) {
  const fromLibrary = excerpt.origin === 'user';
  return (
    <span class={`bs-card__origin${fromLibrary ? ' bs-card__origin--library' : ''}`} data-origin={fromLibrary ? 'library' : 'corpus'}>
      {fromLibrary ? libraryLabel(excerpt.outlet ?? excerpt.documentTitle, excerpt.publishedInferred ? undefined : excerpt.published) : t('card_from_corpus')}
    </span>
  );
}
