/** The named colours as a keyboard-friendly radio group of swatches. */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../../shared/highlight';
import { colourLabel } from '../highlight-style';
import { t } from '../../../shared/i18n';

/** Props of {@link ColourPicker}. */
export interface ColourPickerProps {
  value: HighlightColour;
  onChange(colour: HighlightColour): void;
}

/** Swatches; arrow keys move between them like a radio group. */
export function ColourPicker({ value, onChange }: ColourPickerProps) {
  const move = (event: KeyboardEvent, colour: HighlightColour): void => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const i = HIGHLIGHT_COLOURS.indexOf(colour);
    const next = HIGHLIGHT_COLOURS[(i + step + HIGHLIGHT_COLOURS.length) % HIGHLIGHT_COLOURS.length]!;
    onChange(next);
    const group = (event.currentTarget as HTMLElement).parentElement;
    (group?.querySelector(`[data-colour="${next}"]`) as HTMLElement | null)?.focus();
  };
  return (
    <div class="row" role="radiogroup" aria-label={t('hl_colour')}>
      {HIGHLIGHT_COLOURS.map((colour) => (
        <button
          key={colour}
          type="button"
          class="swatch"
          role="radio"
          data-colour={colour}
          aria-checked={colour === value}
          aria-label={colourLabel(colour)}
          title={colourLabel(colour)}
          tabIndex={colour === value ? 0 : -1}
          onClick={() => onChange(colour)}
          onKeyDown={(e) => move(e, colour)}
        />
      ))}
    </div>
  );
}
