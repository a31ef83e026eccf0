/**
 * A saved highlight, opened by clicking it: its quote (and, when the page has
 * changed, the text as it was saved), its colour to change, its note, and
 * Delete. The note is the reader's private text: it is read and edited in the
 * private frame (a fixed-size extension page, saved from there), never put in
 * the page's DOM, where Chromium's `window.find` searches even the fields of
 * a closed shadow root.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Highlight, HighlightColour, HighlightPatch } from '../../../shared/highlight';
import { ColourPicker } from './colour-picker';
import { useAnchored } from './use-anchored';
import { t } from '../../../shared/i18n';

/** Props of {@link HighlightPopover}. */
export interface HighlightPopoverProps {
  highlight: Highlight;
  reference: Element;
  /** The text on the page now, when it differs from the saved quote. */
  current?: string;
  error?: string;
  /** The private frame's URL with this highlight's note (`private.html#note=…`). */
  noteFrameSrc?: string;
  /** Focus the note frame (whose note box then focuses itself) instead of the first control. */
  focusNote?: boolean;
  onSave(patch: HighlightPatch): void;
  onDelete(): void;
  onClose(): void;
}

/** The popover; focus moves into it when it opens (into the note when the reader asked to write one) and back to the highlight when it closes. */
export function HighlightPopover({ highlight, reference, current, error, noteFrameSrc, focusNote, onSave, onDelete, onClose }: HighlightPopoverProps) {
  const panel = useAnchored<HTMLDivElement>(reference);
  const [colour, setColour] = useState<HighlightColour>(highlight.colour);
  const firstControl = useRef<HTMLDivElement>(null);
  const noteFrame = useRef<HTMLIFrameElement>(null);
  useEffect(() => (focusNote && noteFrame.current ? noteFrame.current : firstControl.current?.querySelector<HTMLElement>('button, iframe'))?.focus(), [highlight.id, focusNote]);
  const dirty = colour !== highlight.colour;
  return (
    <div
      ref={panel}
      class="panel popover stack"
      role="dialog"
      aria-label={t('hl_popover_label')}
      data-testid="bs-popover"
      data-highlight-id={highlight.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      {current !== undefined ? (
        <>
          <p class="changed">{t('hl_changed')}</p>
          <blockquote class="quote" dir="auto">
            {current}
          </blockquote>
          <p class="changed">{t('hl_you_saved')}</p>
          <blockquote class="quote" dir="auto" data-testid="bs-old-quote">
            {highlight.quote}
          </blockquote>
        </>
      ) : (
        <blockquote class="quote" dir="auto">
          {highlight.quote}
        </blockquote>
      )}
      {noteFrameSrc && <iframe key={noteFrameSrc} ref={noteFrame} class="note-frame" src={noteFrameSrc} title={t('private_note')} />}
      <div ref={firstControl}>
        <ColourPicker value={colour} onChange={setColour} />
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="button" class="primary" data-action="save-colour" disabled={!dirty} onClick={() => onSave({ colour })}>
          {t('hl_save_colour')}
        </button>
        <button type="button" class="danger" data-action="delete" onClick={onDelete}>
          {t('hl_delete')}
        </button>
        <button type="button" data-action="close" onClick={onClose}>
          {t('card_close')}
        </button>
      </div>
    </div>
  );
}
