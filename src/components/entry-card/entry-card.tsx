/**
 * The background card of one entry, as a reusable Preact view: the hover card
 * on web pages and the options page's explorer both render it. It takes the
 * `EntryCard` the background assembled and renders a skeleton while that is
 * still on its way, never a blank. Styles: {@link ENTRY_CARD_CSS}.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { EntryCard, EntryRef } from '../../shared/card';
import { typeGroupOf } from '../../shared/catalog';
import { formatSpan } from './format-date';
import type { CardLinks } from './links';
import { Provenance } from './provenance';
import { PageTimeNotices, Roles } from './roles';
import { EntryButton, Excerpts, Related, SectionHeadingLevel, Timeline, YourHighlights } from './sections';
import { typeLabel } from './type-label';
import { t, uiIsEnglish } from '../../shared/i18n';

export type { CardLinks } from './links';
export { ENTRY_CARD_CSS } from './entry-card-css';

/** An ambiguous mention: which entries the name could mean. */
export interface CardAmbiguity {
  /** The other entries the name could mean. */
  candidates: EntryRef[];
  /** "Not this one": the reader rejects the entry shown. */
  onNotThis(): void;
}

/** Props of {@link EntryCardView}. */
export interface EntryCardViewProps {
  /** The card data; undefined while it loads (a skeleton shows). */
  card: EntryCard | undefined;
  /** A message for people when the card could not be loaded. */
  error?: string;
  /** Id given to the card's title, for the dialog's `aria-labelledby`. */
  titleId: string;
  links: CardLinks;
  /** The name shown while loading (from the page's mark). */
  loadingName?: string;
  /** Set when the card was reached from another: shows a way back. */
  back?: { name: string; onBack(): void };
  ambiguity?: CardAmbiguity;
  /**
   * The page's publication date, when it has one: the card shows the roles
   * held then, or that the page is newer than the corpus' latest word.
   */
  pageDate?: string | undefined;
  /** 'auto' follows the system; the page-side container forces dark on dark pages. */
  theme?: 'auto' | 'light' | 'dark';
  onClose?(): void;
  footer?: ComponentChildren;
  /**
   * Shown instead of the card's "Your highlights": the page-side card passes
   * its private frame, as the card it gets is corpus only (see ARCHITECTURE,
   * Privacy); our own pages leave it out and list `card.highlights`.
   */
  privateSection?: ComponentChildren;
  /**
   * Two levels, like Wikipedia's page previews (the page-side card): first
   * who or what, its first roles as of their dates, one sourced line and the
   * reader's highlights; "More" shows the rest in place. Absent: everything
   * at once.
   */
  levels?: boolean;
  /**
   * The title's heading level: 2 by default (a card inside a page or view);
   * 1 where the card is the page's subject (the options page's entry view),
   * so that page has its level-one heading.
   */
  headingLevel?: 1 | 2;
}

function EventFacts({ card, links }: { card: EntryCard; links: CardLinks }) {
  // Labelled dates are facts about the entry, listed with the timeline.
  const dates = card.entry.dates.filter((d) => d.label === undefined);
  const participants = card.participants ?? [];
  if (dates.length === 0 && participants.length === 0) return null;
  return (
    <dl class="bs-card__facts">
      {dates.length > 0 && (
        <>
          <dt>{t('card_when')}</dt>
          <dd>{dates.map((d) => `${formatSpan(d.start, d.end)}${d.inferred ? ` ${t('card_approx')}` : ''}`).join('; ')}</dd>
        </>
      )}
      {participants.length > 0 && (
        <>
          <dt>{t('card_who_took_part')}</dt>
          <dd class="bs-card__inline-list">
            {participants.map((p) => (
              <EntryButton key={p.id} entry={p} links={links} />
            ))}
          </dd>
        </>
      )}
    </dl>
  );
}

function Skeleton({ name }: { name?: string }) {
  return (
    <div class="bs-card__skeleton" aria-busy="true">
      <p class="bs-card__muted">{name ? t('card_loading_name', name) : t('card_loading')}</p>
      <span class="bs-card__bone" />
      <span class="bs-card__bone" />
      <span class="bs-card__bone bs-card__bone--short" />
    </div>
  );
}

/** Roles the first level lists (the catalog puts the current ones first); the rest are under "More". */
const FIRST_LEVEL_ROLES = 2;

/** The card. */
export function EntryCardView(props: EntryCardViewProps) {
  const { card, links, titleId, back, ambiguity, pageDate, theme = 'auto', onClose, footer, levels = false } = props;
  const group = card ? typeGroupOf(card.entry.type) : undefined;
  const Heading = props.headingLevel === 1 ? 'h1' : 'h2';
  const [expandedFor, setExpandedFor] = useState<string | undefined>();
  // Another entry (a related name followed inside the card) starts at the first level again.
  const full = !levels || (card !== undefined && expandedFor === card.entry.id);
  const facts = card ? (full ? card.facts : card.facts.slice(0, 1)) : [];
  const moreId = `${titleId}-more`;
  return (
    <SectionHeadingLevel.Provider value={Heading === 'h1' ? 2 : 3}>
    <article class={`bs-card${group ? ` bs-card--${group}` : ''}`} data-theme={theme} data-entry-id={card?.entry.id}>
      <header class="bs-card__header">
        {back && (
          <button type="button" class="bs-card__back" onClick={back.onBack} aria-label={t('card_back', back.name)}>
            ← {back.name}
          </button>
        )}
        <div class="bs-card__title-row">
          <Heading class="bs-card__title" id={titleId}>
            {card?.entry.name ?? props.loadingName ?? 'Backstory'}
          </Heading>
          {onClose && (
            <button type="button" class="bs-card__close" onClick={onClose} aria-label={t('card_close')}>
              ×
            </button>
          )}
        </div>
        {card && <span class={`bs-card__type bs-card__type--${group}`}>{typeLabel(card.entry.type)}</span>}
        {card && !uiIsEnglish() && (
          <p class="bs-card__muted bs-card__corpus-language" data-testid="corpus-language">
            {t('card_corpus_in_english')}
          </p>
        )}
      </header>

      {props.error && !card && (
        <p class="bs-card__error" role="alert">
          {props.error}
        </p>
      )}
      {!card && !props.error && <Skeleton name={props.loadingName} />}

      {card && (
        <div class="bs-card__body" id={moreId} data-level={full ? 'full' : 'first'}>
          <PageTimeNotices card={card} pageDate={pageDate} />
          {ambiguity && ambiguity.candidates.length > 0 && (
            <div class="bs-card__notice" data-notice="ambiguous">
              <p>{t('card_could_mean')}</p>
              <p class="bs-card__inline-list">
                {ambiguity.candidates.map((c) => (
                  <EntryButton key={c.id} entry={c} links={links} />
                ))}
              </p>
              <button type="button" class="bs-card__not-this" onClick={ambiguity.onNotThis}>
                {t('card_not_this', card.entry.name)}
              </button>
            </div>
          )}
          {facts.map((fact, i) => (
            <p key={i} class="bs-card__summary">
              {fact.text}
              <Provenance claim={fact.text} evidence={fact.evidence} outsideCorpus={fact.outsideCorpus} links={links} />
            </p>
          ))}
          <Roles card={full ? card : { ...card, roles: card.roles.slice(0, FIRST_LEVEL_ROLES) }} links={links} />
          {full ? (
            <>
              <EventFacts card={card} links={links} />
              <Timeline title={t('card_dated_facts')} items={card.datedFacts} links={links} />
              <Excerpts excerpts={card.excerpts} links={links} />
              <Timeline title={t('card_before')} items={card.before} links={links} />
              <Timeline title={t('card_after')} items={card.after} links={links} />
              <Timeline title={t('card_key_events')} items={card.keyEvents} links={links} />
              <Related related={card.related} links={links} />
            </>
          ) : (
            facts.length === 0 && <Excerpts excerpts={card.excerpts.slice(0, 1)} links={links} />
          )}
          {props.privateSection ?? <YourHighlights highlights={card.highlights} total={card.highlightTotal} allHref={links.highlightsHref?.(card.entry.id)} />}
        </div>
      )}
      {(footer || (levels && card)) && (
        <footer class="bs-card__footer">
          {levels && card && (
            <button
              type="button"
              class="bs-card__more"
              data-action="card-more"
              aria-expanded={full}
              aria-controls={moreId}
              onClick={() => setExpandedFor(full ? undefined : card.entry.id)}
            >
              {full ? t('card_less') : t('card_more')}
            </button>
          )}
          {footer && <span class="bs-card__hints">{footer}</span>}
        </footer>
      )}
    </article>
    </SectionHeadingLevel.Provider>
  );
}
