/**
 * Where a claim of the card comes from, on demand: a small "source" button
 * after each summary sentence, role and dated fact. Hovering it, focusing it
 * (keyboard) or clicking it (pins it open) reveals the quotes that back the
 * claim with their source and date; `aria-expanded` says whether they show.
 * The panel is rendered only while open, so a card with many claims paints
 * no more than before. A claim kept from outside the corpus says so instead.
 */
import { useId, useState } from 'preact/hooks';
import type { Excerpt } from '../../shared/card';
import type { CardLinks } from './links';
import { Source } from './source';
import { t } from '../../shared/i18n';

/** How many quotes a claim reveals at most (its newest). */
export const QUOTES_PER_CLAIM = 2;

/** Props of {@link Provenance}. */
export interface ProvenanceProps {
  /** The claim in a few words, for the button's accessible name. */
  claim: string;
  /** The corpus sentences that back it, newest first. */
  evidence: readonly Excerpt[];
  outsideCorpus?: boolean | undefined;
  links: CardLinks;
}

/** The "source" disclosure of one claim, or the "not from the corpus" label. */
export function Provenance({ claim, evidence, outsideCorpus, links }: ProvenanceProps) {
  const panelId = useId();
  const [pinned, setPinned] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  if (outsideCorpus) return <span class="bs-card__outside"> {t('card_not_from_corpus')}</span>;
  if (evidence.length === 0) return null;
  const open = pinned || hovered || focused;
  return (
    <span
      class="bs-prov"
      onMouseLeave={() => setHovered(false)}
      onFocusIn={() => setFocused(true)}
      onFocusOut={(event) => {
        // Focus moving into the panel (its source link) keeps it open.
        if (!(event.currentTarget as Element).contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      {' '}
      <button
        type="button"
        class="bs-prov__toggle"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={t('card_source_of', claim.length > 60 ? `${claim.slice(0, 57)}…` : claim)}
        onMouseEnter={() => setHovered(true)}
        onClick={() => setPinned(!pinned)}
      >
        {t('card_source')}
      </button>
      {open && (
        <span class="bs-prov__panel" id={panelId} role="note">
          {evidence.slice(0, QUOTES_PER_CLAIM).map((excerpt) => (
            <span key={excerpt.passageId} class="bs-prov__item" data-passage-id={excerpt.passageId}>
              <q class="bs-prov__quote">{excerpt.text}</q> <Source excerpt={excerpt} links={links} />
            </span>
          ))}
        </span>
      )}
    </span>
  );
}
