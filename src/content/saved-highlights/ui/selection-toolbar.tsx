/**
 * The toolbar over a text selection: Save, a colour, and Note (saves, then
 * opens the highlight to write its note in the private frame: no note is
 * ever typed into the page's DOM). It never takes focus on its own (the
 * reader is selecting text), but every control is a real button reachable
 * with Tab.
 */
import type { Anchor } from '../../dom/anchored-element';
import type { HighlightColour } from '../../../shared/highlight';
import { ColourPicker } from './colour-picker';
import { useAnchored } from './use-anchored';
import { t } from '../../../shared/i18n';

/** Props of {@link SelectionToolbar}. */
export interface SelectionToolbarProps {
  /** The selection's passage (its range): the toolbar sits above it. */
  reference: Anchor;
  colour: HighlightColour;
  error?: string;
  onColour(colour: HighlightColour): void;
  /** `withNote`: open the saved highlight to write its note. */
  onSave(withNote: boolean): void;
  onClose(): void;
}

/** The toolbar, floating above the selection. */
export function SelectionToolbar({ reference, colour, error, onColour, onSave, onClose }: SelectionToolbarProps) {
  const panel = useAnchored<HTMLDivElement>(reference);
  return (
    <div
      ref={panel}
      class="panel toolbar stack"
      role="toolbar"
      aria-label={t('hl_toolbar_label')}
      data-testid="bs-toolbar"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
      // Keep the page's selection while the reader clicks our buttons.
      onMouseDown={(e) => e.preventDefault()}
    >
      <div class="row">
        <button type="button" class="primary" data-action="save" onClick={() => onSave(false)}>
          {t('hl_save')}
        </button>
        <ColourPicker value={colour} onChange={onColour} />
        <button type="button" data-action="note" onClick={() => onSave(true)}>
          {t('hl_save_with_note')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
