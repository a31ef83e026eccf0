/**
 * The sections of a card below its header: corpus excerpts, the timeline,
 * related entries and the reader's own highlights. Each renders nothing when
 * it has nothing to say.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { EntryRef, Excerpt, RelatedEntry, TimelineItem } from '../../shared/card';
import type { Highlight } from '../../shared/highlight';
import { typeGroupOf } from '../../shared/catalog';
import { formatSpan } from './format-date';
import type { CardLinks } from './links';
import { Provenance } from './provenance';
import { Source } from './source';
import { t } from '../../shared/i18n';

/**
 * The level of the sections' headings: one below the card's title (`h2` by
 * default, `h1` where the card is its page's subject), so a page's headings
 * never skip a level.
 */
export const SectionHeadingLevel = createContext<2 | 3>(3);

function SectionHeading({ children }: { children: ComponentChildren }) {
  const Heading = useContext(SectionHeadingLevel) === 2 ? 'h2' : 'h3';
  return <Heading class="bs-card__heading">{children}</Heading>;
}

/** A button that opens another entry's card, coloured by its group. */
export function EntryButton({ entry, links }: { entry: EntryRef; links: CardLinks }) {
  return (
    <button type="button" class={`bs-card__entry bs-card__entry--${typeGroupOf(entry.type)}`} data-entry-id={entry.id} onClick={() => links.onOpenEntry(entry)}>
      {entry.name}
    </button>
  );
}

/** The corpus sentences the card quotes. */
export function Excerpts({ excerpts, links }: { excerpts: Excerpt[]; links: CardLinks }) {
  if (excerpts.length === 0) return null;
  return (
    <section class="bs-card__section" aria-label={t('card_from_corpus')}>
      <SectionHeading>{t('card_from_corpus')}</SectionHeading>
      <ul class="bs-card__list">
        {excerpts.map((excerpt) => (
          <li key={excerpt.passageId} class="bs-card__excerpt" data-passage-id={excerpt.passageId}>
            <blockquote class="bs-card__quote" dir="auto">
              {excerpt.text}
            </blockquote>
            <Source excerpt={excerpt} links={links} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A titled list of dated events; a dated fact shows what happened and reveals its quote. */
export function Timeline({ title, items, links }: { title: string; items: TimelineItem[]; links: CardLinks }) {
  if (items.length === 0) return null;
  return (
    <section class="bs-card__section" aria-label={title}>
      <SectionHeading>{title}</SectionHeading>
      <ol class="bs-card__list bs-card__timeline">
        {items.map((item) => (
          <li key={`${item.id}@${item.start}`}>
            <span class="bs-card__date">
              {formatSpan(item.start, item.end)}
              {item.inferred ? ` ${t('card_approx')}` : ''}
            </span>{' '}
            <EntryButton entry={item} links={links} />
            {item.label && (
              <>
                {': '}
                <span class="bs-card__fact-label">{item.label}</span>
                <Provenance claim={item.label} evidence={item.source ? [item.source] : []} links={links} />
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Related actors and events with the evidence of each relation. */
export function Related({ related, links }: { related: RelatedEntry[]; links: CardLinks }) {
  if (related.length === 0) return null;
  return (
    <section class="bs-card__section" aria-label={t('card_related')}>
      <SectionHeading>{t('card_related')}</SectionHeading>
      <ul class="bs-card__list">
        {related.map((r) => (
          <li key={r.id} class="bs-card__related" data-related-id={r.id}>
            <EntryButton entry={r} links={links} /> <span class="bs-card__muted">{r.relation}</span>
            {r.outsideCorpus && <span class="bs-card__outside"> {t('card_not_from_corpus')}</span>}
            {r.evidence && (
              <span class="bs-card__evidence">
                “{r.evidence.text}” <Source excerpt={r.evidence} links={links} />
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Under a list that holds only the newest `shown` of `total` items: says so,
 * with a link to all of them where there is one (in a new tab, unless it is a
 * route of the page it is on). Nothing when the list is whole.
 */
export function NewestOf({ shown, total, all, testId }: { shown: number; total: number; all?: { href: string; label: string }; testId: string }) {
  if (total <= shown) return null;
  return (
    <p class="bs-card__muted" data-testid={testId}>
      {t('card_newest_of', shown, total)}
      {all && (
        <>
          {' '}
          <a href={all.href} target={all.href.startsWith('#') ? undefined : '_blank'} rel="noopener">
            {all.label}
          </a>
        </>
      )}
    </p>
  );
}

/**
 * The reader's saved highlights that mention the entry, on any site:
 * `highlights` are the newest of `total`, and `allHref` leads to all of them
 * (see {@link NewestOf}).
 */
export function YourHighlights({ highlights, total = highlights.length, allHref }: { highlights: Highlight[]; total?: number; allHref?: string }) {
  if (highlights.length === 0) return null;
  return (
    <section class="bs-card__section" aria-label={t('card_your_highlights')}>
      <SectionHeading>{t('card_your_highlights_count', total)}</SectionHeading>
      <NewestOf shown={highlights.length} total={total} all={allHref ? { href: allHref, label: t('card_highlights_all') } : undefined} testId="highlights-newest" />
      <ul class="bs-card__list">
        {highlights.map((h) => (
          <li key={h.id} class={`bs-card__highlight bs-card__highlight--${h.colour}`} data-highlight-id={h.id}>
            <span class="bs-card__quote" dir="auto">
              “{h.quote}”
            </span>
            {h.note && (
              <span class="bs-card__note" dir="auto">
                {h.note}
              </span>
            )}
            <span class="bs-card__source">
              {/* Imported highlights carry any URL: only web pages become links. */}
              {/^https?:\/\//.test(h.url) ? (
                <a href={h.url} target="_blank" rel="noopener noreferrer">
                  {h.title || h.site}
                </a>
              ) : (
                h.title || h.site
              )}
              {`, ${h.site}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
