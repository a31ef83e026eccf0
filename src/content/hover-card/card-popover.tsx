/**
 * The page-side card: a non-modal dialog around the shared card view, with
 * the keyboard shortcuts in its footer.
 */
import type { Ref } from 'preact';
import { EntryCardView, type EntryCardViewProps } from '../../components/entry-card/entry-card';
import { t } from '../../shared/i18n';

/** Props of {@link CardPopover}. */
export interface CardPopoverProps extends Omit<EntryCardViewProps, 'footer' | 'privateSection'> {
  popoverRef: Ref<HTMLDivElement>;
  /** The private frame's URL for the entry shown (its "Your highlights"). */
  privateFrameSrc?: string;
}

/**
 * The dialog. Positioned by the controller (`card-placement.ts`) through `popoverRef`.
 * The reader's highlights of the entry are in a private frame of FIXED size
 * (it scrolls inside): the card's size never depends on them. Keyed by its
 * URL, so another entry gets a new frame rather than a navigation of this one
 * (which would add to the tab's history).
 */
export function CardPopover({ popoverRef, privateFrameSrc, ...view }: CardPopoverProps) {
  return (
    <div ref={popoverRef} class="bs-popover" role="dialog" aria-modal="false" aria-labelledby={view.titleId} tabIndex={-1}>
      <EntryCardView
        {...view}
        levels
        privateSection={privateFrameSrc && <iframe key={privateFrameSrc} class="bs-card__private" src={privateFrameSrc} title={t('card_your_highlights')} />}
        footer={
          <>
            <kbd>Alt+Shift+K</kbd>: {t('card_next_name')} · <kbd>Esc</kbd>: {t('card_close_hint')}
          </>
        }
      />
    </div>
  );
}
