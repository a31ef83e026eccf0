/**
 * The Chromium side of the {@link ExtensionDriver}: an adapter over the
 * playwright-core harness (`harness.ts`), which the older e2e tests still use
 * directly. The Chrome build's background is a service worker: it is stopped
 * over CDP and evaluated in with Playwright's worker handle.
 */
import type { Page } from 'playwright-core';
import { envelopeOf, toPlaywrightSelector as css, type BackgroundFunction, type DriverPage, type ExtensionDriver, type WaitOptions } from './driver';
import { launchExtension, type ExtensionSession } from './harness';

const pages = new WeakMap<DriverPage, Page>();

/** Wraps a Playwright page in the driver's page interface. */
export function wrapPlaywrightPage(page: Page): DriverPage {
  const wrapped: DriverPage = {
    url: () => page.evaluate(() => location.href),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    async waitForFunction(fn, arg, options) {
      const handle = await page.waitForFunction(fn as (a: unknown) => unknown, arg, { timeout: options?.timeout ?? 15_000, polling: 100 });
      return (await handle.jsonValue()) as never;
    },
    async waitForSelector(selector, options: WaitOptions = {}) {
      await page.waitForSelector(css(selector), { state: options.state ?? 'visible', timeout: options.timeout ?? 15_000 });
    },
    count: (selector) => page.locator(css(selector)).count(),
    click: (selector) => page.click(css(selector)),
    hover: (selector) => page.hover(css(selector)),
    press: (chord) => page.keyboard.press(chord),
    type: (text) => page.keyboard.type(text),
    bringToFront: () => page.bringToFront(),
    screenshot: async () => new Uint8Array(await page.screenshot({ type: 'png' })),
    close: () => page.close(),
  };
  pages.set(wrapped, page);
  return wrapped;
}

/** The Playwright page behind a driver page (for Chromium-only checks). */
export function playwrightPageOf(page: DriverPage): Page {
  const found = pages.get(page);
  if (!found) throw new Error('not a Chromium driver page');
  return found;
}

/** Launches Chromium with the Chrome build through `harness.ts`. */
export async function launchChromiumDriver(): Promise<ExtensionDriver> {
  let session: ExtensionSession;
  try {
    session = await launchExtension();
  } catch (error) {
    throw new Error(`Chromium could not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let control: Page | undefined;
  let version = '';

  const readVersion = () => {
    version = `Chromium ${session.context.browser()?.version() ?? 'unknown'}`;
  };
  readVersion();

  /** A long-lived extension page to send calls from. */
  async function controlPage(): Promise<Page> {
    if (control && !control.isClosed()) return control;
    control = await session.openExtensionPage('popup.html', '?control');
    return control;
  }

  const driver: ExtensionDriver = {
    browser: 'chromium',
    get version() {
      return version;
    },
    server: session.server,
    get extensionOrigin() {
      return `chrome-extension://${session.extensionId}/`;
    },
    pageErrors: session.pageErrors,
    async open(url) {
      return wrapPlaywrightPage(await session.open(url));
    },
    async openExtensionPage(file, suffix = '') {
      const page = await session.openExtensionPage(file, suffix);
      await page.waitForLoadState('load');
      return wrapPlaywrightPage(page);
    },
    async tabIdOf(page) {
      return session.tabIdOf(playwrightPageOf(page));
    },
    async openPopupFor(page) {
      const tabId = await driver.tabIdOf(page);
      return driver.openExtensionPage('popup.html', `?tabId=${tabId}`);
    },
    async call(call, params) {
      const page = await controlPage();
      return page.evaluate(
        (message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<never> } } }).chrome.runtime.sendMessage(message),
        envelopeOf(call, params),
      );
    },
    async evaluateInBackground<R, A>(fn: BackgroundFunction<R, A>, arg?: A): Promise<Awaited<R>> {
      // Wake the worker first: after a stop, the next event starts it again.
      await driver.call('app.status', {});
      const worker = await session.worker();
      // A string is evaluated over CDP, past the worker's CSP (no eval there).
      return (await worker.evaluate(`(async () => (${fn.toString()})(globalThis, ${JSON.stringify(arg) ?? 'undefined'}))()`)) as Awaited<R>;
    },
    async restartBackground() {
      await session.stopServiceWorker();
    },
    async relaunch() {
      await session.relaunch();
      control = undefined;
      readVersion();
    },
    async close() {
      await session.close();
    },
  };
  return driver;
}
