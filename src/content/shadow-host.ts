/**
 * A home on the page for our own UI: a custom element on the root element,
 * marked `data-backstory-ui` (the highlighter and the observer skip it), with
 * a CLOSED shadow root holding our styles and the Preact tree. Page CSS cannot
 * reach inside, our CSS cannot leak out, and page scripts cannot read what we
 * show (cards, a reader's notes) through `host.shadowRoot`.
 */

import { UI_ATTRIBUTE } from './dom/element-kinds';
import { PageObserver } from './dom/page-observer';

/** The host, its shadow root and the element Preact renders into. */
export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  mount: HTMLElement;
  remove(): void;
}

// `all: initial` resets every inherited and page-set property; `important`
// so even `* { all: unset !important }` on the page loses to the inline style.
// `all` leaves out `direction` and `unicode-bidi`: without setting them, our UI
// would take a right-to-left page's direction and mirror English controls
// ("Save with note…" drawn as "…Save with note"). Our UI runs in its own
// language's direction (English, left to right); page text inside it is set
// `dir="auto"` where it is shown.
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['direction', 'ltr'],
  ['unicode-bidi', 'isolate'],
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
 * Whether to open the shadow root for tests. Only in the `dist/test-*` builds
 * (never in one a reader loads: any page could ask) and only on a page that
 * asks with `<meta name="backstory-test-open-shadow">`: Playwright and
 * axe-core cannot see inside a closed root. Every other build compiles this to
 * `false`.
 */
function openForTests(doc: Document): boolean {
  return typeof __TEST_HOOKS__ !== 'undefined' && __TEST_HOOKS__ && doc.querySelector('meta[name="backstory-test-open-shadow"]') !== null;
}

/** Creates a `<tagName data-backstory-ui>` host with `css` in its shadow root, on `doc`'s root element. */
export function createShadowHost(doc: Document, tagName: string, css: string): ShadowHost {
  const host = doc.createElement(tagName);
  host.setAttribute(UI_ATTRIBUTE, '');
  // The attribute too: form controls and `dir="auto"` text inside resolve against it, not the page's `dir`.
  host.setAttribute('dir', 'ltr');
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
  const shadow = host.attachShadow({ mode: openForTests(doc) ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  // Muted: adding or removing our host is no change of the page's content.
  const observer = PageObserver.of(doc);
  observer.mute(() => doc.documentElement.append(host));
  return { host, shadow, mount, remove: () => observer.mute(() => host.remove()) };
}
