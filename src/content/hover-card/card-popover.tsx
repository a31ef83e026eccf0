/**
 * The page-side card: a non-modal dialog around the shared card view, with
 * the keyboard shortcuts in its footer.
 */
import type { Ref } from 'preact';
import { EntryCardView, type EntryCardViewProps } from '../../components/entry-card/entry-card';

/** Props of {@link CardPopover}. */
export interface CardPopoverProps extends Omit<EntryCardViewProps, 'footer'> {
  popoverRef: Ref<HTMLDivElement>;
}

/** The dialog. Positioned by the controller (floating-ui) through `popoverRef`. */
export function CardPopover({ popoverRef, ...view }: CardPopoverProps) {
  return (
    <div ref={popoverRef} class="bs-popover" role="dialog" aria-modal="false" aria-labelledby={view.titleId} tabIndex={-1}>
      <EntryCardView
        {...view}
        footer={
          <>
            <kbd>Alt+Shift+K</kbd>: next name · <kbd>Esc</kbd>: close
          </>
        }
      />
    </div>
  );
}
