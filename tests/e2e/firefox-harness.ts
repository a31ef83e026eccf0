/**
 * Drives the built Firefox extension (`dist/firefox`) in a real, headless
 * Firefox ESR through puppeteer-core over WebDriver BiDi (no geckodriver),
 * behind the browser-agnostic {@link ExtensionDriver}.
 *
 * What is Firefox's own here, found by trying:
 * - The extension is installed as a temporary add-on at every launch. Its
 *   `moz-extension://` UUID is random per install unless fixed by the
 *   `extensions.webextensions.uuids` pref, and IndexedDB belongs to that
 *   origin: the pref keeps the origin (and so the data) across relaunches, as
 *   a permanent install keeps it in the profile.
 * - `page.goto('moz-extension://…')` never sees a load event: extension pages
 *   are opened with BiDi `browsingContext.navigate` (needs
 *   `--remote-allow-system-access`), and `page.url()` stays about:blank on
 *   them, so `url()` reads `location.href`.
 * - The background is an event page: it is stopped with the same call
 *   Firefox's idle timer makes (`Extension.terminateBackground`, run in the
 *   browser's chrome scope over BiDi), and reached from an extension page with
 *   `runtime.getBackgroundPage()`.
 * - Host permissions of MV3 content scripts are granted at install (Firefox
 *   127 and later, temporary installs included), so the content script runs on
 *   http://127.0.0.1 without a prompt.
 * - Nothing leaves the machine: every host but 127.0.0.1 goes to a dead proxy.
 */
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFirefox } from '../../scripts/find-browser';
import { envelopeOf, initScriptSource, splitChord, type BackgroundFunction, type DriverPage, type ExtensionDriver, type LaunchOptions, type WaitOptions } from './driver';
import { ROOT, startFixtureServer } from './server';

/** The unpacked Firefox build the tests install: the test build (see `harness.ts`'s `CHROME_DIST`). */
export const FIREFOX_DIST = process.env.BACKSTORY_FIREFOX_DIST ?? path.join(ROOT, 'dist', 'test-firefox');
/** The fixed `moz-extension://` UUID of the test profile. */
export const FIREFOX_EXTENSION_UUID = '5b0f1e7a-3c2d-4e8f-9a61-7d4c2b8e0f13';

/** Raw WebDriver BiDi, for what Puppeteer does not wrap. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

function connectionOf(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

/** The BiDi browsing context id of a page's main frame. */
function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** The add-on id Firefox knows the build by (`browser_specific_settings.gecko.id`). */
function geckoId(extensionDir: string): string {
  const manifestPath = path.join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${path.relative(ROOT, extensionDir)} is missing: run \`npm run build\` first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('dist/firefox/manifest.json has no browser_specific_settings.gecko.id');
  return id;
}

/** The Firefox executable, or a message that says what to install. */
function firefoxExecutable(): string {
  try {
    return findFirefox();
  } catch (error) {
    throw new Error(`Firefox ESR not found: install firefox-esr (Debian: \`sudo apt-get install firefox-esr\`) or set FIREFOX_PATH. (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

/** Driver calls wait this long by default, as Playwright locators do. */
const TIMEOUT = 15_000;

/** Sends a raw BiDi command that evaluates something, and throws the page's exception as an error. */
async function bidiEvaluate(connection: BidiConnection, page: Page, expression: string): Promise<void> {
  const reply = (await connection.send('script.evaluate', { expression, target: { context: contextOf(page) }, awaitPromise: false, resultOwnership: 'none' })).result as {
    type: string;
    exceptionDetails?: { text?: string };
  };
  if (reply.type !== 'success') throw new Error(`script failed in ${page.url()}: ${reply.exceptionDetails?.text ?? JSON.stringify(reply)}`);
}

/**
 * Navigates to a web page and waits for its load event. Firefox's remote agent
 * aborts a navigation ("Address rejected", …) when an IFRAME of the page shows
 * an error page (here: every third-party host is unreachable), although the
 * page itself loads: the top document's own state decides.
 */
async function gotoWebPage(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url, { waitUntil: 'load' });
  } catch (error) {
    const loaded = await page
      .waitForFunction((expected) => location.href === expected && document.readyState === 'complete', { timeout: TIMEOUT, polling: 100 }, url)
      .then(
        () => true,
        () => false,
      );
    if (!loaded) throw error;
  }
}

/**
 * The first frame inside `page` whose `location.href` starts with `urlPrefix`
 * (Puppeteer reports extension frames' URLs as about:blank, as it does
 * extension pages, so each frame is asked).
 */
async function frameOf(page: Page, urlPrefix: string): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(urlPrefix)) return frame;
  }
  return undefined;
}

/** {@link frameOf}, waiting up to 15 s for it to appear. */
async function waitForFrame(page: Page, urlPrefix: string): Promise<Frame> {
  const until = Date.now() + TIMEOUT;
  for (;;) {
    const frame = await frameOf(page, urlPrefix);
    if (frame) return frame;
    if (Date.now() > until) throw new Error(`no frame of ${urlPrefix} in ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Wraps a Puppeteer page in the driver's page interface. */
function wrapPage(page: Page, browser: Browser): DriverPage {
  /** The first match, once attached (waits like a Playwright locator). */
  async function attached(selector: string) {
    const handle = await page.waitForSelector(selector, { timeout: TIMEOUT });
    if (!handle) throw new Error(`no element matches ${selector}`);
    return handle;
  }
  /** The first match, once visible (as Playwright's actions wait). */
  async function visible(selector: string) {
    const handle = await page.waitForSelector(selector, { visible: true, timeout: TIMEOUT });
    if (!handle) throw new Error(`no visible element matches ${selector}`);
    return handle;
  }
  /** Runs `fn` on the first attached match and lets its handle go. */
  async function onFirst<R>(selector: string, fn: (handle: Awaited<ReturnType<typeof attached>>) => Promise<R>, wait = attached): Promise<R> {
    const handle = await wait(selector);
    try {
      return await fn(handle);
    } finally {
      await handle.dispose().catch(() => undefined);
    }
  }
  /** `fn` on the first element matching `selector` right now, or `absent` when there is none (no waiting). */
  async function ifPresent<R>(selector: string, fn: (handle: NonNullable<Awaited<ReturnType<typeof page.$>>>) => Promise<R>, absent: R): Promise<R> {
    const handle = await page.$(selector);
    if (!handle) return absent;
    try {
      return await fn(handle);
    } finally {
      await handle.dispose().catch(() => undefined);
    }
  }
  return {
    url: () => page.evaluate(() => location.href),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    async waitForFunction(fn, arg, options) {
      const handle = await page.waitForFunction(fn as (a: unknown) => unknown, { timeout: options?.timeout ?? TIMEOUT, polling: 100 }, arg);
      return (await handle.jsonValue()) as never;
    },
    async waitForSelector(selector, options: WaitOptions = {}) {
      const timeout = options.timeout ?? TIMEOUT;
      const state = options.state ?? 'visible';
      if (state === 'detached') {
        // Puppeteer's `hidden` also accepts an element still there but hidden: poll for none.
        const deadline = Date.now() + timeout;
        for (;;) {
          const handle = await page.$(selector);
          if (!handle) return;
          await handle.dispose().catch(() => undefined);
          if (Date.now() > deadline) throw new Error(`waiting for ${selector} to be detached timed out after ${timeout} ms`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      const handle = await page.waitForSelector(selector, { visible: state === 'visible', hidden: state === 'hidden', timeout });
      await handle?.dispose().catch(() => undefined);
    },
    count: (selector) => page.$$eval(selector, (elements) => elements.length),
    click: (selector) => page.click(selector),
    hover: (selector) => page.hover(selector),
    async tap(selector) {
      const handle = await page.waitForSelector(selector, { timeout: TIMEOUT });
      const box = await handle?.boundingBox();
      if (!box) throw new Error(`tap: ${selector} is not rendered`);
      await page.touchscreen.tap(box.x + 4, box.y + box.height / 2);
    },
    async press(chord) {
      const { modifiers, key } = splitChord(chord);
      for (const modifier of modifiers) await page.keyboard.down(modifier as never);
      await page.keyboard.press(key as never);
      for (const modifier of modifiers.reverse()) await page.keyboard.up(modifier as never);
    },
    type: (text) => page.keyboard.type(text),
    bringToFront: () => page.bringToFront(),
    screenshot: async () => page.screenshot({ type: 'png' }),
    async frameText(urlPrefix) {
      const read = () => [document.body?.innerText ?? '', ...[...document.querySelectorAll('textarea, input')].map((f) => (f as HTMLInputElement).value)].join('\n');
      const frame = await frameOf(page, urlPrefix);
      return frame ? frame.evaluate(read).catch(() => null) : null;
    },
    async frameFill(urlPrefix, selector, text) {
      const frame = await waitForFrame(page, urlPrefix);
      await frame.waitForSelector(selector, { timeout: TIMEOUT });
      await frame.focus(selector);
      await frame.$eval(selector, (field) => (field as HTMLTextAreaElement).select());
      if (text) await page.keyboard.type(text);
      else await page.keyboard.press('Backspace');
    },
    async frameClick(urlPrefix, selector) {
      const frame = await waitForFrame(page, urlPrefix);
      await frame.waitForSelector(selector, { timeout: TIMEOUT });
      await frame.click(selector);
    },
    close: () => page.close(),
    title: () => page.evaluate(() => document.title),
    getAttribute: (selector, name) => onFirst(selector, (h) => h.evaluate((e, n) => e.getAttribute(n), name)),
    textContent: (selector) => onFirst(selector, (h) => h.evaluate((e) => e.textContent ?? '')),
    textContents: (selector) => page.$$eval(selector, (elements) => elements.map((e) => e.textContent ?? '')),
    inputValue: (selector) => onFirst(selector, (h) => h.evaluate((e) => (e as HTMLInputElement).value)),
    isChecked: (selector) => onFirst(selector, (h) => h.evaluate((e) => (e as HTMLInputElement).checked)),
    isVisible: (selector) => ifPresent(selector, (h) => h.isVisible(), false),
    boundingBox: (selector) => ifPresent(selector, (h) => h.boundingBox(), null),
    evaluateOn: (selector, fn, arg) => onFirst(selector, (h) => h.evaluate(fn as (e: Element, a: unknown) => unknown, arg)) as never,
    evaluateAll: (selector, fn, arg) => page.$$eval(selector, fn as (e: Element[], a: unknown) => unknown, arg) as never,
    async fill(selector, text) {
      await onFirst(
        selector,
        (h) =>
          h.evaluate((element, value) => {
            const field = element as HTMLInputElement | HTMLTextAreaElement;
            if (!('value' in field) || field.disabled || field.readOnly) throw new Error(`fill: ${field.tagName} is not an editable input or textarea`);
            field.focus();
            field.select();
            // As Playwright does: the editor inserts the text (trusted beforeinput/input events).
            const inserted = value ? document.execCommand('insertText', false, value) : document.execCommand('delete');
            if (!inserted || field.value !== value) {
              const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set;
              setter?.call(field, value);
              field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: value ? 'insertText' : 'deleteContentBackward', data: value || null }));
            }
          }, text),
        visible,
      );
    },
    async selectOption(selector, value) {
      await visible(selector).then((h) => h.dispose());
      const chosen = await page.select(selector, value);
      if (!chosen.includes(value)) throw new Error(`${selector} has no option with value ${JSON.stringify(value)}`);
    },
    async check(selector, checked) {
      await onFirst(
        selector,
        async (h) => {
          if ((await h.evaluate((e) => (e as HTMLInputElement).checked)) !== checked) await h.click();
          if ((await h.evaluate((e) => (e as HTMLInputElement).checked)) !== checked) throw new Error(`clicking ${selector} did not make it ${checked ? 'checked' : 'unchecked'}`);
        },
        visible,
      );
    },
    focus: (selector) => onFirst(selector, (h) => h.focus(), visible),
    mouseMove: (x, y, options) => page.mouse.move(x, y, { steps: options?.steps ?? 1 }),
    setViewport: (width, height) => page.setViewport({ width, height }),
    async addScript(source) {
      // Raw BiDi evaluation is global code, past the page's CSP.
      await bidiEvaluate(connectionOf(browser), page, `${source}\n;void 0;`);
    },
    async reload() {
      // page.reload() never sees extension pages' load event; BiDi's reload does.
      await connectionOf(browser).send('browsingContext.reload', { context: contextOf(page), wait: 'complete' });
    },
    async goto(url) {
      if (url.startsWith('moz-extension:')) await connectionOf(browser).send('browsingContext.navigate', { context: contextOf(page), url, wait: 'complete' });
      else await gotoWebPage(page, url);
    },
  };
}

const pages = new WeakMap<DriverPage, Page>();

/** Launches Firefox ESR with the extension and a fixture server. */
export async function launchFirefoxDriver({ extensionDir = FIREFOX_DIST, colorScheme, locale }: LaunchOptions = {}): Promise<ExtensionDriver> {
  const executablePath = firefoxExecutable();
  const addonId = geckoId(extensionDir);
  const server = await startFixtureServer();
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'backstory-e2e-firefox-'));
  const pageErrors: Error[] = [];
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  let browser!: Browser;
  let version = '';
  let control: Page | undefined;
  const tracked = new WeakSet<Page>();
  /** Init scripts, added again after a relaunch. */
  const initScripts: string[] = [];

  function track(page: Page): Page {
    if (!tracked.has(page)) {
      tracked.add(page);
      page.on('pageerror', (error) => pageErrors.push(error instanceof Error ? error : new Error(String(error))));
    }
    return page;
  }

  async function setUp(): Promise<void> {
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath,
        headless: true,
        protocol: 'webDriverBiDi',
        userDataDir,
        defaultViewport: { width: 1280, height: 900 },
        // Needed to navigate to moz-extension:// pages and to reach the chrome scope.
        args: ['--remote-allow-system-access'],
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [addonId]: FIREFOX_EXTENSION_UUID }),
          // Headless windows never get the system's focus: without this, :focus and
          // :focus-visible match nothing in a tab the driver opened, and no focus ring draws.
          'focusmanager.testmode': true,
          // The system theme every page sees (`prefers-color-scheme`), extension pages included.
          ...(colorScheme ? { 'ui.systemUsesDarkTheme': colorScheme === 'dark' ? 1 : 0 } : {}),
          // Nothing leaves the machine: every host but the fixture server's goes to a closed port.
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': 9,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': 9,
          'network.proxy.no_proxies_on': '127.0.0.1,localhost',
          'network.proxy.allow_hijacking_localhost': false,
          // The UI language (which picks our `_locales`); Firefox uses it only with the language pack installed
          // (Debian's `firefox-esr-l10n-<lang>` puts it among the application's add-ons), else it stays en-US.
          ...(locale ? { 'intl.locale.requested': locale } : {}),
        },
      });
    } catch (error) {
      throw new Error(`Firefox ESR could not start (${executablePath}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    browser.on('targetcreated', (target) => {
      void target.page().then((page) => page && track(page), () => undefined);
    });
    const installed = await browser.installExtension(extensionDir);
    if (installed !== addonId) throw new Error(`Firefox installed ${installed}, expected ${addonId}`);
    const raw = await browser.version(); // "firefox/153.7.0esr"
    version = `Firefox ${raw.split('/').at(-1) ?? raw}`;
    control = undefined;
    for (const source of initScripts) await addPreloadScript(source);
  }

  /** A BiDi preload script for every browsing context (no `contexts`: all of them). */
  async function addPreloadScript(source: string): Promise<void> {
    await connectionOf(browser).send('script.addPreloadScript', { functionDeclaration: `() => {
${source}
}` });
  }

  async function navigateExtensionPage(page: Page, url: string): Promise<void> {
    await connectionOf(browser).send('browsingContext.navigate', { context: contextOf(page), url, wait: 'complete' });
  }

  /** A long-lived extension page to send calls and reach the background from. */
  async function controlPage(): Promise<Page> {
    if (control && !control.isClosed()) return control;
    const page = track(await browser.newPage());
    await navigateExtensionPage(page, `${extensionOrigin}popup.html?control`);
    control = page;
    return page;
  }

  /** Evaluates an expression in the browser's privileged (chrome) scope. */
  async function chromeEvaluate(expression: string): Promise<unknown> {
    const connection = connectionOf(browser);
    const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as { contexts: { context: string }[] };
    const context = tree.contexts[0]?.context;
    if (!context) throw new Error('Firefox exposes no chrome-scope context (is --remote-allow-system-access set?)');
    const reply = (await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true })).result as {
      type: string;
      result?: { value?: unknown };
      exceptionDetails?: { text?: string };
    };
    if (reply.type !== 'success') throw new Error(`chrome-scope evaluation failed: ${reply.exceptionDetails?.text ?? JSON.stringify(reply)}`);
    return reply.result?.value;
  }

  try {
    await setUp();
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const driver: ExtensionDriver = {
    browser: 'firefox',
    get version() {
      return version;
    },
    server,
    extensionOrigin,
    pageErrors,
    async open(url) {
      const page = track(await browser.newPage());
      await gotoWebPage(page, url);
      const wrapped = wrapPage(page, browser);
      pages.set(wrapped, page);
      return wrapped;
    },
    async openExtensionPage(file, suffix = '') {
      const page = track(await browser.newPage());
      await navigateExtensionPage(page, `${extensionOrigin}${file}${suffix}`);
      const wrapped = wrapPage(page, browser);
      pages.set(wrapped, page);
      return wrapped;
    },
    async tabIdOf(page) {
      // The control page first: opening it would make it the active tab.
      const control = await controlPage();
      await page.bringToFront();
      const url = await page.url();
      const id = await control.evaluate(async (expected) => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string; active?: boolean }[]> } } }).browser;
        const showing = (await api.tabs.query({})).filter((tab) => tab.url === expected);
        const tab = showing.length === 1 ? showing[0] : showing.find((t) => t.active);
        return tab?.id ?? -1;
      }, url);
      if (id < 0) throw new Error(`no tab (or no single active tab) shows ${url}`);
      return id;
    },
    async openPopupFor(page) {
      const tabId = await driver.tabIdOf(page);
      return driver.openExtensionPage('popup.html', `?tabId=${tabId}`);
    },
    async callTab(page, call, params) {
      const tabId = await driver.tabIdOf(page);
      const control = await controlPage();
      return control.evaluate(
        (id, message) => (globalThis as unknown as { browser: { tabs: { sendMessage(t: number, m: unknown): Promise<never> } } }).browser.tabs.sendMessage(id, message),
        tabId,
        envelopeOf(call, params),
      );
    },
    async addInitScript(script) {
      const source = initScriptSource(script);
      initScripts.push(source);
      await addPreloadScript(source);
    },
    async call(call, params) {
      const control = await controlPage();
      return control.evaluate(
        (message) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<never> } } }).browser.runtime.sendMessage(message),
        envelopeOf(call, params),
      );
    },
    async evaluateInBackground<R, A>(fn: BackgroundFunction<R, A>, arg?: A): Promise<Awaited<R>> {
      const control = await controlPage();
      // Firefox's background page is same-origin with our pages: the function runs
      // here and is handed the background's window. Wake it first if it was stopped.
      const expression = `(async () => {
        const api = globalThis.browser;
        let bg = await api.runtime.getBackgroundPage();
        if (!bg) { await api.runtime.sendMessage({ backstory: 1, call: 'app.status', params: {} }); bg = await api.runtime.getBackgroundPage(); }
        if (!bg) throw new Error('the background page is not running');
        return await (${fn.toString()})(bg, ${JSON.stringify(arg) ?? 'undefined'});
      })()`;
      return (await control.evaluate(expression)) as Awaited<R>;
    },
    async restartBackground() {
      const state = await chromeEvaluate(`(async () => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)});
        if (!extension) throw new Error('the extension is not installed');
        await extension.terminateBackground({ ignoreDevToolsAttached: true });
        return String(extension.backgroundState);
      })()`);
      if (state !== 'stopped') throw new Error(`the event page did not stop (state ${String(state)})`);
    },
    async relaunch() {
      await browser.close();
      await setUp();
    },
    async close() {
      await browser?.close().catch(() => undefined);
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
  return driver;
}
