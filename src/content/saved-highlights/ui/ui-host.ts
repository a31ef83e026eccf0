/**
 * The saved-highlights UI's home: `<backstory-highlights-ui data-backstory-ui>`
 * with a closed shadow root (see `../../shadow-host.ts`), so page scripts cannot
 * read a reader's notes.
 */
import { createShadowHost, type ShadowHost } from '../../shadow-host';
import { HIGHLIGHTS_UI_CSS } from './ui-css';

/** The host element's tag. */
export const UI_HOST_TAG = 'backstory-highlights-ui';

/** The host and the element Preact renders into. */
export type UiHost = ShadowHost;

/** Creates the host on `doc`'s root element. */
export function createUiHost(doc: Document): UiHost {
  return createShadowHost(doc, UI_HOST_TAG, HIGHLIGHTS_UI_CSS);
}
