/**
 * A saved highlight, opened by clicking it: its quote (and, when the page has
 * changed, the text as it was saved), its note and colour to edit, and Delete.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Highlight, HighlightColour, HighlightPatch } from '../../../shared/highlight';
import { ColourPicker } from './colour-picker';
import { useFloating } from './use-floating';

/** Props of {@link HighlightPopover}. */
export interface HighlightPopoverProps {
  highlight: Highlight;
  reference: Element;
  /** The text on the page now, when it differs from the saved quote. */
  current?: string;
  error?: string;
  onSave(patch: HighlightPatch): void;
  onDelete(): void;
  onClose(): void;
}

/** The popover; focus moves into it when it opens and back to the highlight when it closes. */
export function HighlightPopover({ highlight, reference, current, error, onSave, onDelete, onClose }: HighlightPopoverProps) {
  const panel = useFloating<HTMLDivElement>(reference);
  const [note, setNote] = useState(highlight.note);
  const [colour, setColour] = useState<HighlightColour>(highlight.colour);
  const noteField = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteField.current?.focus(), [highlight.id]);
  const dirty = note !== highlight.note || colour !== highlight.colour;
  return (
    <div
      ref={panel}
      class="panel popover stack"
      role="dialog"
      aria-label="Saved highlight"
      data-testid="bs-popover"
      data-highlight-id={highlight.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      {current !== undefined ? (
        <>
          <p class="changed">The page has changed since you saved this. It now reads:</p>
          <blockquote class="quote">{current}</blockquote>
          <p class="changed">You saved:</p>
          <blockquote class="quote" data-testid="bs-old-quote">
            {highlight.quote}
          </blockquote>
        </>
      ) : (
        <blockquote class="quote">{highlight.quote}</blockquote>
      )}
      <label class="stack">
        <span class="label">Note</span>
        <textarea ref={noteField} value={note} maxLength={100_000} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <ColourPicker value={colour} onChange={setColour} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="button" class="primary" data-action="save-note" disabled={!dirty} onClick={() => onSave({ note, colour })}>
          Save
        </button>
        <button type="button" class="danger" data-action="delete" onClick={onDelete}>
          Delete
        </button>
        <button type="button" data-action="close" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
