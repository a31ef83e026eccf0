/**
 * The card's home on the page: `<backstory-card-host data-backstory-ui>` with
 * a closed shadow root (see `../shadow-host.ts`).
 */
import { ENTRY_CARD_CSS } from '../../components/entry-card/entry-card';
import { createShadowHost, type ShadowHost } from '../shadow-host';
import { POPOVER_CSS } from './popover-css';

/** The host element's tag. */
export const HOST_TAG = 'backstory-card-host';

/** The host, its shadow root and the element Preact renders into. */
export type CardHost = ShadowHost;

/** Creates the host on `doc`'s root element. */
export function createCardHost(doc: Document): CardHost {
  return createShadowHost(doc, HOST_TAG, ENTRY_CARD_CSS + POPOVER_CSS);
}
