/**
 * One e2e harness, two browsers: the small interface every parity test is
 * written against. `launchDriver('chromium')` drives the Chrome build in
 * Chromium (playwright-core, through `harness.ts`); `launchDriver('firefox')`
 * drives the Firefox build in Firefox ESR (puppeteer-core over WebDriver
 * BiDi). A browser that cannot start throws: a missing browser fails the run,
 * it never skips.
 *
 * The interface is deliberately small. What differs between the browsers
 * (background service worker or event page, extension URLs, how to stop the
 * background, how to reach it) is the drivers' business, never the tests'.
 */
import type { CallName, CallResult, ParamsOf, ResultOf, TabCallMap, TabCallName } from '../../src/shared/protocol';
import type { FixtureServer } from './server';

/** The browsers the parity suite runs in. */
export type BrowserName = 'chromium' | 'firefox';

/**
 * The browsers `npm test` runs, in order. `E2E_BROWSERS=firefox` (comma list)
 * narrows a local run; an unknown name is an error, not a silent skip.
 */
export const BROWSERS: BrowserName[] = (() => {
  const all: BrowserName[] = ['chromium', 'firefox'];
  const wanted = process.env.E2E_BROWSERS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!wanted?.length) return all;
  const unknown = wanted.filter((name) => !all.includes(name as BrowserName));
  if (unknown.length) throw new Error(`E2E_BROWSERS names unknown browsers: ${unknown.join(', ')} (known: ${all.join(', ')})`);
  // Narrowing is for local runs only, and said out loud: `npm test` runs every browser.
  console.warn(`E2E_BROWSERS=${wanted.join(',')}: the parity suite runs in ${wanted.join(', ')} only.`);
  return wanted as BrowserName[];
})();

/** Options of `waitForSelector`. */
export interface WaitOptions {
  /**
   * `visible` (default), merely `attached` to the document, `hidden` (not
   * visible, or not in the document at all), or `detached` (no element matches).
   */
  state?: 'visible' | 'attached' | 'hidden' | 'detached';
  /** Milliseconds; 15 s by default. */
  timeout?: number;
}

/** An element's box in CSS pixels, relative to the viewport's top left (as `mouseMove` takes it). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Params of a tab call (sent to a tab's content script). */
export type TabParamsOf<K extends TabCallName> = TabCallMap[K]['params'];
/** Result of a tab call. */
export type TabResultOf<K extends TabCallName> = TabCallMap[K]['result'];

/**
 * A tab: a web page or one of the extension's pages. Selectors are CSS; ` >>> `
 * steps into an open shadow root (`backstory-card-host >>> .bs-popover`), in
 * both browsers. Closed shadow roots stay closed to tests, as to pages.
 */
export interface DriverPage {
  /** The page's `location.href` (extension pages included, which Puppeteer reports as about:blank). */
  url(): Promise<string>;
  /** Runs `fn(arg)` in the page's main world; `fn` and `arg`/result must be serialisable. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Polls `fn(arg)` in the page until it returns a truthy value, and returns it. */
  waitForFunction<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, options?: { timeout?: number }): Promise<Awaited<R>>;
  waitForSelector(selector: string, options?: WaitOptions): Promise<void>;
  /** Number of elements matching `selector` now (` >>> ` allowed). */
  count(selector: string): Promise<number>;
  click(selector: string): Promise<void>;
  hover(selector: string): Promise<void>;
  /**
   * A touchscreen tap (trusted touch input: `pointerType: 'touch'`, then a
   * click) 4 px inside the left edge of the first match, halfway down.
   */
  tap(selector: string): Promise<void>;
  /** Presses a key or a chord in Playwright's notation: `Enter`, `Alt+Shift+N`, `Shift+ArrowRight`. */
  press(key: string): Promise<void>;
  /** Types text into the focused element. */
  type(text: string): Promise<void>;
  /** Makes this the active tab of its window. */
  bringToFront(): Promise<void>;
  /** A PNG of the viewport (write it with `writeFile` to keep it). */
  screenshot(): Promise<Uint8Array>;
  /**
   * What the reader sees in the first frame inside this page (at any depth,
   * shadow roots and other origins included: the harness sees what page
   * scripts cannot) whose URL starts with `urlPrefix`: its `body.innerText`,
   * then the value of each of its text fields on a line of its own. Null when
   * there is no such frame yet. No waiting: poll it.
   */
  frameText(urlPrefix: string): Promise<string | null>;
  /** In that frame (waits up to 15 s for it and the element): {@link DriverPage.fill} of `selector` with `text`, by typing. */
  frameFill(urlPrefix: string, selector: string, text: string): Promise<void>;
  /** In that frame (waits up to 15 s for it and the element): a click on `selector`. */
  frameClick(urlPrefix: string, selector: string): Promise<void>;
  close(): Promise<void>;

  // Element reads. Each waits (up to 15 s) for a matching element to be attached,
  // as a Playwright locator does, then reads the FIRST match once: wrap a read in
  // `expect.poll` when the value itself changes over time.

  /** `document.title`. */
  title(): Promise<string>;
  /** An attribute of the first match, or null when it has none. */
  getAttribute(selector: string, name: string): Promise<string | null>;
  /** `textContent` of the first match. */
  textContent(selector: string): Promise<string>;
  /** `textContent` of every match now, in document order (no waiting; `[]` when none). */
  textContents(selector: string): Promise<string[]>;
  /** `value` of the first matching input, textarea or select. */
  inputValue(selector: string): Promise<string>;
  /** `checked` of the first matching checkbox or radio. */
  isChecked(selector: string): Promise<boolean>;
  /** Whether the first match is visible now (false when nothing matches; no waiting). */
  isVisible(selector: string): Promise<boolean>;
  /**
   * The first match's box (`getBoundingClientRect` of the element, relative to
   * the viewport), or null when nothing matches or it is not rendered. No waiting.
   */
  boundingBox(selector: string): Promise<Box | null>;
  /** Runs `fn(element, arg)` on the first match (waits for it to be attached). */
  evaluateOn<R, A = undefined>(selector: string, fn: (element: Element, arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Runs `fn(elements, arg)` on every match now (an empty array when none; no waiting). */
  evaluateAll<R, A = undefined>(selector: string, fn: (elements: Element[], arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;

  // Element actions. Each waits (up to 15 s) for the first match to be visible.

  /**
   * Replaces the value of an input or textarea with `text`, as typing it would:
   * focuses it, selects its content, inserts the text (trusted `beforeinput` and
   * `input` events; an empty string deletes). Does not blur (no `change`).
   */
  fill(selector: string, text: string): Promise<void>;
  /** Chooses the option with this `value` in a `<select>` (fires `input` and `change`). */
  selectOption(selector: string, value: string): Promise<void>;
  /** Clicks a checkbox or radio if needed so that its `checked` is `checked`; throws if it did not change. */
  check(selector: string, checked: boolean): Promise<void>;
  /** Focuses the first match. */
  focus(selector: string): Promise<void>;

  // Mouse, viewport, scripts, navigation.

  /** Moves the mouse to viewport coordinates, in `steps` intermediate moves (1 by default). */
  mouseMove(x: number, y: number, options?: { steps?: number }): Promise<void>;
  /** Resizes this page's viewport (CSS pixels). The default is 1280×900. */
  setViewport(width: number, height: number): Promise<void>;
  /**
   * Runs a classic script's source in the page's main world, as a `<script>`
   * would, e.g. axe-core's `axe.min.js` (its top-level `var`s become globals).
   * Evaluated by the driver, so extension pages' CSP (which blocks inline
   * `<script>` tags) does not stop it.
   */
  addScript(source: string): Promise<void>;
  /** Reloads the page and waits for its load event. */
  reload(): Promise<void>;
  /** Navigates to `url` (a web page or one of our extension URLs) and waits for its load event. */
  goto(url: string): Promise<void>;
}

/** Called with the background's global object: use `bg`, not free globals (in Firefox `fn` runs in an extension page). */
export type BackgroundFunction<R, A> = (bg: typeof globalThis & Record<string, unknown>, arg: A) => R | Promise<R>;

/** A browser with the extension installed, on its own profile, with a fixture server. */
export interface ExtensionDriver {
  readonly browser: BrowserName;
  /** The browser's name and version, e.g. `Chromium 156.0.8078.79`, `Firefox 153.7.0esr`. */
  readonly version: string;
  readonly server: FixtureServer;
  /** The extension's origin with a trailing slash: `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  readonly extensionOrigin: string;
  /** Opens a web page and waits for its load event. */
  open(url: string): Promise<DriverPage>;
  /** Opens one of our pages (`popup.html`, `options.html`) with an optional `?query` and/or `#hash`, loaded. */
  openExtensionPage(file: string, suffix?: string): Promise<DriverPage>;
  /** Opens the popup as a tab bound to the tab showing `page` (`popup.html?tabId=`). */
  openPopupFor(page: DriverPage): Promise<DriverPage>;
  /** The browser's tab id of a page (it becomes the active tab). */
  tabIdOf(page: DriverPage): Promise<number>;
  /** Sends one protocol call as an extension page does, and returns the reply. */
  call<K extends CallName>(call: K, params: ParamsOf<K>): Promise<CallResult<ResultOf<K>>>;
  /**
   * Sends one tab call (a {@link TabCallMap} call, e.g. `tab.state`) to the
   * content script of the tab showing `page`, from an extension page as the
   * popup does (`tabs.sendMessage`), and returns its reply. Makes `page` the
   * active tab (see {@link ExtensionDriver.tabIdOf}).
   */
  callTab<K extends TabCallName>(page: DriverPage, call: K, params: TabParamsOf<K>): Promise<CallResult<TabResultOf<K>>>;
  /**
   * Adds a script that runs in the main world of every WEB page loaded from
   * now on (browser-wide, frames included), before the page's own scripts and
   * before the content script — Playwright's `context.addInitScript`, BiDi's
   * `script.addPreloadScript`. Not for our extension pages: Chromium runs it
   * there too, Firefox does not (BiDi preload scripts skip moz-extension
   * documents), so a test must not rely on it there. Pages already
   * open get it at their next navigation or reload. It stays across
   * `relaunch()`. `script` is a script's source, or a function (called with no
   * arguments; it must not close over test variables). Its top-level
   * declarations may stay local to it (Firefox wraps it in a function): set
   * `window.x` to leave something for the page or the test.
   */
  addInitScript(script: string | (() => void)): Promise<void>;
  /** Runs `fn(bg, arg)` against the background's global object (woken if it was stopped). */
  evaluateInBackground<R, A = undefined>(fn: BackgroundFunction<R, A>, arg?: A): Promise<Awaited<R>>;
  /** Stops the background as the browser does when it idles out; the next event starts it again. */
  restartBackground(): Promise<void>;
  /** Closes the browser and starts it again on the same profile. */
  relaunch(): Promise<void>;
  /** Uncaught errors of every page (web and extension) since launch. */
  readonly pageErrors: Error[];
  /** Closes the browser, the server, and removes the profile. */
  close(): Promise<void>;
}

/** Options of {@link launchDriver}. */
export interface LaunchOptions {
  /**
   * The unpacked build to load (absolute path). By default the test build,
   * `dist/test-chrome` or `dist/test-firefox`: the only builds with test hooks.
   */
  extensionDir?: string;
  /**
   * The system theme pages see (`prefers-color-scheme`), web and extension
   * pages alike: Chromium emulates it (Playwright's `colorScheme`), Firefox is
   * told the system uses a dark theme or not (`ui.systemUsesDarkTheme`). By
   * default each browser's own, light in both headless browsers here.
   */
  colorScheme?: 'light' | 'dark';
  /**
   * The browser's UI language (`ar`, `ru`, …), which picks the extension's
   * `_locales` messages: Chromium gets `--lang`, Firefox the
   * `intl.locale.requested` pref, which takes
   * effect only with the language's pack installed (Debian's
   * `firefox-esr-l10n-<lang>`; `.ci/run` installs Arabic). English by default.
   */
  locale?: string;
}

/** Launches `browser` with the extension loaded. Throws a clear message when the browser cannot start. */
export async function launchDriver(browser: BrowserName, options: LaunchOptions = {}): Promise<ExtensionDriver> {
  if (browser === 'chromium') return (await import('./chromium-driver')).launchChromiumDriver(options);
  return (await import('./firefox-harness')).launchFirefoxDriver(options);
}

/** Splits a Playwright-style chord (`Alt+Shift+N`) into modifiers and the key; `+` alone is a key. */
export function splitChord(chord: string): { modifiers: string[]; key: string } {
  if (chord === '+') return { modifiers: [], key: '+' };
  const parts = chord.split('+');
  if (parts.at(-1) === '') parts.splice(-2, 2, '+');
  const key = parts.pop()!;
  return { modifiers: parts, key };
}

/** Playwright's CSS already pierces open shadow roots: ` >>> ` becomes a descendant step. */
export function toPlaywrightSelector(selector: string): string {
  return selector.replace(/\s*>>>\s*/g, ' ');
}

/** An init script as source text: a function becomes a call of it. */
export function initScriptSource(script: string | (() => void)): string {
  return typeof script === 'string' ? script : `(${script.toString()})();`;
}

/** The protocol envelope (kept literal so tests need no import of the extension's modules). */
export function envelopeOf(call: string, params: unknown): { backstory: 1; call: string; params: unknown } {
  return { backstory: 1, call, params };
}
