/**
 * The card's home on the page: `<backstory-card-host data-backstory-ui>` on
 * the root element, with a CLOSED shadow root holding our styles and the
 * Preact tree. Page CSS cannot reach inside, our CSS cannot leak out, and the
 * page's scripts cannot read the card through `host.shadowRoot`.
 */
import { ENTRY_CARD_CSS } from '../../components/entry-card/entry-card';
import { POPOVER_CSS } from './popover-css';

/** The host element's tag. */
export const HOST_TAG = 'backstory-card-host';

/** The host, its shadow root and the element Preact renders into. */
export interface CardHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  mount: HTMLElement;
  remove(): void;
}

// `all: initial` resets every inherited and page-set property; `important`
// so even `* { all: unset !important }` on the page loses to the inline style.
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['z-index', '2147483647'],
  ['pointer-events', 'auto'],
];

/**
 * Whether to open the shadow root for tests. Only in development builds and
 * only on a page that asks with `<meta name="backstory-test-open-shadow">`:
 * axe-core (the e2e accessibility check) cannot see inside a closed root.
 * Production builds compile this to `false`.
 */
function openForTests(doc: Document): boolean {
  return typeof __DEV__ !== 'undefined' && __DEV__ && doc.querySelector('meta[name="backstory-test-open-shadow"]') !== null;
}

/** Creates the host on `doc`'s root element. */
export function createCardHost(doc: Document): CardHost {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-backstory-ui', '');
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
  const shadow = host.attachShadow({ mode: openForTests(doc) ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = ENTRY_CARD_CSS + POPOVER_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  doc.documentElement.append(host);
  return { host, shadow, mount, remove: () => host.remove() };
}
