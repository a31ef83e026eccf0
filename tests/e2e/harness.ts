/**
 * Drives the built Chrome extension in a real, headless Chromium through
 * playwright-core. Fails loudly when no browser can be started: a missing
 * browser is a broken test run, never a skip.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBrowser } from '../../scripts/find-browser';
import { ROOT, startFixtureServer, type FixtureServer } from './server';

/**
 * The build the e2e tests load: the test build, whose hooks (open shadow roots
 * on request, the tab commands on the background's global scope) no reader's
 * build carries. `BACKSTORY_CHROME_DIST` points benches at another build (A/B
 * comparisons); `launchExtension({ extensionDir })` points one suite at another.
 */
export const CHROME_DIST = process.env.BACKSTORY_CHROME_DIST ?? path.join(ROOT, 'dist', 'test-chrome');

/**
 * `answer`, or an error naming `what` once `ms` have passed. Playwright's
 * evaluations never time out on their own: a call into a worker or page that
 * never answers would otherwise spend the test's whole timeout and say nothing.
 */
export function within<T>(ms: number, what: string, answer: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/** A browser with the extension loaded, and helpers for tests. */
export interface ExtensionSession {
  context: BrowserContext;
  server: FixtureServer;
  extensionId: string;
  userDataDir: string;
  /** The background service worker (Playwright's handle survives restarts). */
  worker(): Promise<Worker>;
  /** Opens a page and waits for it to load. */
  open(url: string): Promise<Page>;
  /** Opens one of our pages (`popup.html`, `options.html`) with an optional query/hash. */
  openExtensionPage(file: string, suffix?: string): Promise<Page>;
  /** Opens the popup as a page bound to the tab showing `page`. */
  openPopupFor(page: Page): Promise<Page>;
  /** The browser's tab id of a page. */
  tabIdOf(page: Page): Promise<number>;
  /** Stops the service worker, as the browser does when it idles out. */
  stopServiceWorker(): Promise<void>;
  /** Closes the browser and starts it again on the same profile. */
  relaunch(): Promise<void>;
  /** Errors pages threw (uncaught) since launch. */
  pageErrors: Error[];
  close(): Promise<void>;
}

/** The environment without its unset variables (Playwright takes strings only). */
function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
}

async function launchContext(userDataDir: string, extensionDir: string, locale: string | undefined, colorScheme?: 'light' | 'dark'): Promise<BrowserContext> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`${path.relative(ROOT, extensionDir)} is missing: run \`npm run build\` first.`);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: findBrowser(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    ...(colorScheme ? { colorScheme } : {}),
    // The UI language, which picks our `_locales`: `--lang` is enough for `i18n.getMessage` (checked in Chromium 156
    // on Linux, also without the locale's .pak of `chromium-l10n`), but `@@bidi_dir` follows the environment's
    // language, so `LANGUAGE` is set too, as on a desktop in that language. `locale` sets the pages' language to match.
    ...(locale ? { locale, env: { ...definedEnv(), LANGUAGE: locale } } : {}),
    args: [
      ...(locale ? [`--lang=${locale}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Launches Chromium with the extension and a fixture server. */
export async function launchExtension({ extensionDir = CHROME_DIST, locale, colorScheme }: { extensionDir?: string; locale?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<ExtensionSession> {
  const server = await startFixtureServer();
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'backstory-e2e-'));
  const pageErrors: Error[] = [];
  let context!: BrowserContext;
  let extensionId = '';

  async function setUp(): Promise<void> {
    context = await launchContext(userDataDir, extensionDir, locale, colorScheme);
    // Nothing leaves the machine: every request to another host is aborted.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'chrome-extension:' || url.protocol === 'data:') return route.continue();
      return route.abort();
    });
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error)));
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
  try {
    await setUp();
  } catch (error) {
    // A browser that cannot start fails the run; it leaves no server or profile behind.
    await context?.close().catch(() => undefined);
    await server.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const session: ExtensionSession = {
    get context() {
      return context;
    },
    server,
    get extensionId() {
      return extensionId;
    },
    userDataDir,
    pageErrors,
    async worker() {
      return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openExtensionPage(file, suffix = '') {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}${suffix}`);
      return page;
    },
    async tabIdOf(page) {
      // Without the "tabs" permission the worker cannot read tab URLs, so the
      // page is made the active tab and the active tab's id is read.
      await page.bringToFront();
      const worker = await session.worker();
      const id = await within(
        15_000,
        'the service worker (reading the active tab)',
        worker.evaluate(async () => {
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          return tab?.id ?? -1;
        }),
      );
      if (id < 0) throw new Error(`no active tab for ${page.url()}`);
      return id;
    },
    async openPopupFor(page) {
      const tabId = await session.tabIdOf(page);
      return session.openExtensionPage('popup.html', `?tabId=${tabId}`);
    },
    async stopServiceWorker() {
      const page = await session.openExtensionPage('popup.html');
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await page.close();
    },
    async relaunch() {
      await context.close();
      await setUp();
    },
    async close() {
      await context.close().catch(() => undefined);
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
  return session;
}

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
