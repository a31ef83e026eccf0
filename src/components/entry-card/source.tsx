/**
 * Where a corpus sentence comes from: its article's title (a link into the
 * reader), outlet and date.
 */
import type { Excerpt } from '../../shared/card';
import { formatDate } from './format-date';
import type { CardLinks } from './links';
import { OriginLabel } from './library-label';
import { t } from '../../shared/i18n';

/** Where an excerpt comes from: title (a link into the reader), outlet, date. */
export function Source({ excerpt, links }: { excerpt: Excerpt; links: CardLinks }) {
  return (
    <span class="bs-card__source">
      <a href={links.readerHref(excerpt.documentId, excerpt.passageId)} target="_blank" rel="noopener">
        {excerpt.documentTitle}
      </a>
      {excerpt.outlet ? `, ${excerpt.outlet}` : ''}
      {`, ${formatDate(excerpt.published)}${excerpt.publishedInferred ? ` ${t('card_approx')}` : ''}`}
      {excerpt.origin === 'user' && (
        <>
          {' · '}
          <OriginLabel excerpt={excerpt} />
        </>
      )}
    </span>
  );
}
