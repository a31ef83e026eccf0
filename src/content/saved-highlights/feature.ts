/**
 * Saved highlights as a page feature of the content app: started with the
 * app's AbortSignal, it answers `tab.saveSelection` and `tab.revealHighlight`
 * and fills `highlights`/`orphans`/`changed` in `tab.state`.
 */
import { callBackground } from '../../shared/messaging';
import { extensionPageUrl } from '../../shared/extension-api';
import { PRIVATE_FRAME_PAGE, privateFrameHash } from '../../shared/private-frame';
import type { PageFeature, PageFeatureContext } from '../page-feature';
import { SavedHighlights } from './saved-highlights';

/** Starts saved highlights on this page. */
export function startSavedHighlights(context: PageFeatureContext): PageFeature {
  const saved = new SavedHighlights(context.signal, callBackground, document, {
    noteFrameHref: (id, focus) => extensionPageUrl(PRIVATE_FRAME_PAGE, privateFrameHash({ kind: 'note', id, dark: false, focus })),
  });
  saved.start(context.pageHighlights).catch((error: unknown) => {
    if (__DEV__) console.warn('Backstory: saved highlights could not start', error);
  });
  // The mouseup or Shift that ended the selection came before this feature listened.
  if (context.selectionWaiting) saved.selectionMade();
  return {
    handlers: {
      'tab.saveSelection': () => saved.saveSelection(),
      'tab.revealHighlight': async ({ id }) => saved.reveal(id),
      'tab.closeNote': async () => saved.closeNote(),
      'tab.highlightChanged': async ({ highlight }) => saved.highlightChanged(highlight),
    },
    state: () => ({ highlights: saved.highlights(), orphans: saved.orphans(), changed: saved.changed() }),
  };
}
