/** A short message at the bottom of the page, with an Undo button when there is something to undo. */

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
          Undo
        </button>
      )}
      <button type="button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
