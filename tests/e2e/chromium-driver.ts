/**
 * The Chromium side of the {@link ExtensionDriver}: an adapter over the
 * playwright-core harness (`harness.ts`), which the older e2e tests still use
 * directly. The Chrome build's background is a service worker: it is stopped
 * over CDP and evaluated in with Playwright's worker handle.
 */
import type { Frame, Page } from 'playwright-core';
import { envelopeOf, initScriptSource, toPlaywrightSelector as css, type BackgroundFunction, type DriverPage, type ExtensionDriver, type LaunchOptions, type WaitOptions } from './driver';
import { launchExtension, within, type ExtensionSession } from './harness';

const pages = new WeakMap<DriverPage, Page>();
/** Locators auto-wait this long, as driver calls do in Firefox. */
const TIMEOUT = 15_000;

/** The first frame inside `page` whose URL starts with `urlPrefix`. */
function frameOf(page: Page, urlPrefix: string): Frame | undefined {
  return page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(urlPrefix));
}

/** {@link frameOf}, waiting up to 15 s for it to appear. */
async function waitForFrame(page: Page, urlPrefix: string): Promise<Frame> {
  const until = Date.now() + 15_000;
  for (;;) {
    const frame = frameOf(page, urlPrefix);
    if (frame) return frame;
    if (Date.now() > until) throw new Error(`no frame of ${urlPrefix} in ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Presses `chord` as `keyboard.press` does, but does not wait forever for a
 * key event Chromium will never acknowledge. When the keydown lands in a frame
 * that its own handler removes (Escape in a private frame closes the card or
 * popover that holds the frame), the keyup is routed to the gone frame and CDP's
 * `Input.dispatchKeyEvent` never answers, so `press` hangs. The silence is
 * accepted only once an extension frame that was there before the press is
 * detached; otherwise the press has {@link TIMEOUT} like every other call.
 */
async function pressAcknowledged(page: Page, chord: string): Promise<void> {
  const extensionFrames = page.frames().filter((frame) => frame.url().startsWith('chrome-extension://'));
  const pressed = page.keyboard.press(chord).then(() => true as const);
  // A press left unanswered rejects when its page closes; nobody awaits it then.
  pressed.catch(() => undefined);
  const until = Date.now() + TIMEOUT;
  while (!(await settledWithin(pressed, 250))) {
    if (extensionFrames.some((frame) => frame.isDetached())) return;
    if (Date.now() > until) throw new Error(`Chromium did not acknowledge ${chord} within ${TIMEOUT} ms on ${page.url()}`);
  }
}

/** True when `promise` resolved within `ms`, false when it had not yet; rejects with it. */
async function settledWithin(promise: Promise<true>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([promise, new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

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
    click: (selector) => page.click(css(selector), { timeout: TIMEOUT }),
    hover: (selector) => page.hover(css(selector), { timeout: TIMEOUT }),
    async tap(selector) {
      const box = await page.locator(css(selector)).first().boundingBox();
      if (!box) throw new Error(`tap: ${selector} is not rendered`);
      // Playwright's touchscreen needs a touch context; CDP taps in any page while touch emulation is on.
      const cdp = await page.context().newCDPSession(page);
      try {
        await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
        const point = { x: box.x + 4, y: box.y + box.height / 2 };
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
      } finally {
        await cdp.detach();
      }
    },
    press: (chord) => pressAcknowledged(page, chord),
    type: (text) => page.keyboard.type(text),
    bringToFront: () => page.bringToFront(),
    screenshot: async () => new Uint8Array(await page.screenshot({ type: 'png' })),
    async frameText(urlPrefix) {
      const frame = frameOf(page, urlPrefix);
      const read = () => [document.body?.innerText ?? '', ...[...document.querySelectorAll('textarea, input')].map((f) => (f as HTMLInputElement).value)].join('\n');
      return frame ? frame.evaluate(read).catch(() => null) : null;
    },
    async frameFill(urlPrefix, selector, text) {
      await (await waitForFrame(page, urlPrefix)).fill(selector, text, { timeout: TIMEOUT });
    },
    async frameClick(urlPrefix, selector) {
      await (await waitForFrame(page, urlPrefix)).click(selector, { timeout: TIMEOUT });
    },
    close: () => page.close(),
    title: () => page.title(),
    getAttribute: (selector, name) => first(selector).getAttribute(name, { timeout: TIMEOUT }),
    textContent: async (selector) => (await first(selector).textContent({ timeout: TIMEOUT })) ?? '',
    textContents: (selector) => page.locator(css(selector)).allTextContents(),
    inputValue: (selector) => first(selector).inputValue({ timeout: TIMEOUT }),
    isChecked: (selector) => first(selector).isChecked({ timeout: TIMEOUT }),
    isVisible: (selector) => first(selector).isVisible(),
    async boundingBox(selector) {
      const handle = await page.$(css(selector));
      if (!handle) return null;
      try {
        return await handle.boundingBox();
      } finally {
        await handle.dispose();
      }
    },
    evaluateOn: (selector, fn, arg) => first(selector).evaluate(fn as (e: Element, a: unknown) => unknown, arg, { timeout: TIMEOUT }) as never,
    evaluateAll: (selector, fn, arg) => page.locator(css(selector)).evaluateAll(fn as (e: Element[], a: unknown) => unknown, arg) as never,
    fill: (selector, text) => first(selector).fill(text, { timeout: TIMEOUT }),
    async selectOption(selector, value) {
      await first(selector).selectOption(value, { timeout: TIMEOUT });
    },
    check: (selector, checked) => first(selector).setChecked(checked, { timeout: TIMEOUT }),
    focus: (selector) => first(selector).focus({ timeout: TIMEOUT }),
    mouseMove: (x, y, options) => page.mouse.move(x, y, { steps: options?.steps ?? 1 }),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    async addScript(source) {
      // Over CDP, as global code: past the page's CSP, top-level `var`s become globals.
      const cdp = await page.context().newCDPSession(page);
      try {
        const reply = (await cdp.send('Runtime.evaluate', { expression: source, returnByValue: false })) as { exceptionDetails?: { text?: string; exception?: { description?: string } } };
        if (reply.exceptionDetails) throw new Error(`addScript failed: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text ?? 'unknown error'}`);
      } finally {
        await cdp.detach();
      }
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
  };
  function first(selector: string) {
    return page.locator(css(selector)).first();
  }
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
export async function launchChromiumDriver(options: LaunchOptions = {}): Promise<ExtensionDriver> {
  let session: ExtensionSession;
  try {
    session = await launchExtension(options);
  } catch (error) {
    throw new Error(`Chromium could not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let control: Page | undefined;
  let version = '';
  /** Init scripts, added again to the new context after a relaunch. */
  const initScripts: string[] = [];

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
    async callTab(page, call, params) {
      const tabId = await driver.tabIdOf(page);
      const control = await controlPage();
      return within(
        15_000,
        `the tab's content script (${call})`,
        control.evaluate(
          ([id, message]) => (globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown): Promise<never> } } }).chrome.tabs.sendMessage(id, message),
          [tabId, envelopeOf(call, params)] as const,
        ),
      );
    },
    async addInitScript(script) {
      const source = initScriptSource(script);
      initScripts.push(source);
      await session.context.addInitScript(source);
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
      for (const source of initScripts) await session.context.addInitScript(source);
      control = undefined;
      readVersion();
    },
    async close() {
      await session.close();
    },
  };
  return driver;
}
