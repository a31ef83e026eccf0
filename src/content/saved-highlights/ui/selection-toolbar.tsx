/**
 * The toolbar over a text selection: Save, a colour, and an optional note.
 * It never takes focus on its own (the reader is selecting text), but every
 * control is a real button reachable with Tab.
 */
import type { ReferenceElement } from '@floating-ui/dom';
import { useState } from 'preact/hooks';
import type { HighlightColour } from '../../../shared/highlight';
import { ColourPicker } from './colour-picker';
import { useFloating } from './use-floating';

/** Props of {@link SelectionToolbar}. */
export interface SelectionToolbarProps {
  reference: ReferenceElement;
  colour: HighlightColour;
  error?: string;
  onColour(colour: HighlightColour): void;
  onSave(note: string): void;
  onClose(): void;
}

/** The floating toolbar. */
export function SelectionToolbar({ reference, colour, error, onColour, onSave, onClose }: SelectionToolbarProps) {
  const panel = useFloating<HTMLDivElement>(reference);
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState('');
  return (
    <div
      ref={panel}
      class="panel toolbar stack"
      role="toolbar"
      aria-label="Save highlight"
      data-testid="bs-toolbar"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
      // Keep the page's selection while the reader clicks our buttons.
      onMouseDown={(e) => {
        if (!(e.target instanceof HTMLTextAreaElement)) e.preventDefault();
      }}
    >
      <div class="row">
        <button type="button" class="primary" data-action="save" onClick={() => onSave(note)}>
          Save
        </button>
        <ColourPicker value={colour} onChange={onColour} />
        <button type="button" data-action="note" aria-expanded={noteOpen} onClick={() => setNoteOpen(!noteOpen)}>
          Note
        </button>
      </div>
      {noteOpen && (
        <label class="stack">
          <span class="label">Note (saved with the highlight)</span>
          <textarea value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} maxLength={100_000} />
        </label>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
