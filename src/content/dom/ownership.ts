/**
 * What on the page is ours: the entity marks, the saved-highlight pieces and
 * the hosts of our page-side UI (and everything inside them). The page
 * observer drops mutations of ours with this one check, so no feature
 * mistakes another feature's DOM writes for the page's.
 */
import { UI_ATTRIBUTE } from './element-kinds';
import { MARK_TAG } from './entity-marks';

/** The saved-highlight element (drawn by saved highlights, read by the observer and the wrapper). */
export const HIGHLIGHT_TAG = 'bs-highlight';

/** Selector of every element of ours: a match of it, or inside one, is not the page's content. */
const OWN_SELECTOR = `${MARK_TAG}, ${HIGHLIGHT_TAG}, [${UI_ATTRIBUTE}]`;

/**
 * True when `node` is ours or lies inside something of ours (a text node
 * counts by its parent). A node without a parent element, such as the
 * document or a detached text node, is not ours.
 */
export function isOurs(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el !== null && el.closest(OWN_SELECTOR) !== null;
}

/** True when `target` is inside our page-side UI (a shadow host of ours): the reader's input there is not input on the page. */
export function isInOurUi(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(`[${UI_ATTRIBUTE}]`) !== null;
}
