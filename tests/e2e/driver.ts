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
import type { CallName, CallResult, ParamsOf, ResultOf } from '../../src/shared/protocol';
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
  /** `visible` (default) or merely `attached` to the document. */
  state?: 'visible' | 'attached';
  timeout?: number;
}

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
  /** Presses a key or a chord in Playwright's notation: `Enter`, `Alt+Shift+N`, `Shift+ArrowRight`. */
  press(key: string): Promise<void>;
  /** Types text into the focused element. */
  type(text: string): Promise<void>;
  /** Makes this the active tab of its window. */
  bringToFront(): Promise<void>;
  /** A PNG of the viewport. */
  screenshot(): Promise<Uint8Array>;
  close(): Promise<void>;
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

/** Launches `browser` with the extension loaded. Throws a clear message when the browser cannot start. */
export async function launchDriver(browser: BrowserName): Promise<ExtensionDriver> {
  if (browser === 'chromium') return (await import('./chromium-driver')).launchChromiumDriver();
  return (await import('./firefox-harness')).launchFirefoxDriver();
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

/** The protocol envelope (kept literal so tests need no import of the extension's modules). */
export function envelopeOf(call: string, params: unknown): { backstory: 1; call: string; params: unknown } {
  return { backstory: 1, call, params };
}
