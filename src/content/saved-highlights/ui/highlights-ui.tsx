/**
 * The saved-highlights UI as one Preact tree in the closed shadow root: the
 * selection toolbar, the popover of an opened highlight, and the toast.
 * Everything shown is text nodes (JSX), never HTML.
 */
import type { Anchor } from '../../dom/anchored-element';
import { render } from 'preact';
import type { Highlight, HighlightColour, HighlightPatch } from '../../../shared/highlight';
import { HighlightPopover } from './highlight-popover';
import { SelectionToolbar } from './selection-toolbar';
import { UndoToast } from './undo-toast';
import { createUiHost } from './ui-host';

/** What the UI shows. */
export interface UiState {
  colour: HighlightColour;
  toolbar: { reference: Anchor; error?: string } | null;
  popover: { highlight: Highlight; reference: Element; current?: string; error?: string; noteFrameSrc?: string; focusNote?: boolean } | null;
  toast: { message: string; undo?: () => void } | null;
}

/** What the UI asks the controller to do. */
export interface UiActions {
  chooseColour(colour: HighlightColour): void;
  /** Saves the selection; `withNote` then opens it to write its note. */
  save(withNote: boolean): void;
  closeToolbar(): void;
  updateHighlight(id: string, patch: HighlightPatch): void;
  deleteHighlight(id: string): void;
  closePopover(): void;
  dismissToast(): void;
}

/** A mounted UI; `show` re-renders with new state. */
export interface HighlightsUi {
  show(state: UiState): void;
  destroy(): void;
}

function App({ state, actions }: { state: UiState; actions: UiActions }) {
  const { toolbar, popover, toast } = state;
  return (
    <>
      {toolbar && (
        <SelectionToolbar
          reference={toolbar.reference}
          colour={state.colour}
          error={toolbar.error}
          onColour={actions.chooseColour}
          onSave={actions.save}
          onClose={actions.closeToolbar}
        />
      )}
      {popover && (
        <HighlightPopover
          key={popover.highlight.id}
          highlight={popover.highlight}
          reference={popover.reference}
          current={popover.current}
          error={popover.error}
          noteFrameSrc={popover.noteFrameSrc}
          focusNote={popover.focusNote}
          onSave={(patch) => actions.updateHighlight(popover.highlight.id, patch)}
          onDelete={() => actions.deleteHighlight(popover.highlight.id)}
          onClose={actions.closePopover}
        />
      )}
      {toast && <UndoToast message={toast.message} onUndo={toast.undo} onDismiss={actions.dismissToast} />}
    </>
  );
}

/** Mounts the UI lazily: the host is created on the first `show` that has something to show. */
export function createHighlightsUi(doc: Document, actions: UiActions): HighlightsUi {
  let host: ReturnType<typeof createUiHost> | undefined;
  return {
    show(state) {
      if (!host && !state.toolbar && !state.popover && !state.toast) return;
      host ??= createUiHost(doc);
      render(<App state={state} actions={actions} />, host.mount);
    },
    destroy() {
      if (!host) return;
      render(null, host.mount);
      host.remove();
      host = undefined;
    },
  };
}
