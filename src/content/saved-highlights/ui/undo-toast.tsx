/** A short message at the bottom of the page, with an Undo button when there is something to undo. */
import { t } from '../../../shared/i18n';

/** Props of {@link UndoToast}. */
export interface UndoToastProps {
  message: string;
  onUndo?: () => void;
  onDismiss(): void;
}

/** The toast; announced politely to screen readers. */
export function UndoToast({ message, onUndo, onDismiss }: UndoToastProps) {
  return (
    <div class="panel toast" role="status" aria-live="polite" data-testid="bs-toast">
      <span>{message}</span>
      {onUndo && (
        <button type="button" class="primary" data-action="undo" onClick={onUndo}>
          {t('highlights_undo')}
        </button>
      )}
      <button type="button" aria-label={t('hl_dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
