/**
 * The saved-highlights UI's home: `<backstory-highlights-ui data-backstory-ui>`
 * on the root element with a CLOSED shadow root, so page CSS cannot reach in,
 * ours cannot leak out, and page scripts cannot read a reader's notes through
 * `host.shadowRoot`.
 */
import { HIGHLIGHTS_UI_CSS } from './ui-css';

/** The host element's tag. */
export const UI_HOST_TAG = 'backstory-highlights-ui';

/** The host and the element Preact renders into. */
export interface UiHost {
  host: HTMLElement;
  mount: HTMLElement;
  remove(): void;
}

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
];

/**
 * Open the root only for e2e tests of development builds, on a page that asks
 * with `<meta name="backstory-test-open-shadow">` (Playwright and axe-core
 * cannot see into a closed root). Production builds compile this to false.
 */
function openForTests(doc: Document): boolean {
  return typeof __DEV__ !== 'undefined' && __DEV__ && doc.querySelector('meta[name="backstory-test-open-shadow"]') !== null;
}

/** Creates the host on `doc`'s root element. */
export function createUiHost(doc: Document): UiHost {
  const host = doc.createElement(UI_HOST_TAG);
  host.setAttribute('data-backstory-ui', '');
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
  const shadow = host.attachShadow({ mode: openForTests(doc) ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = HIGHLIGHTS_UI_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  doc.documentElement.append(host);
  return { host, mount, remove: () => host.remove() };
}
