/**
 * One browser with Backstory for the tests of a `describe` block: launched
 * before them, closed after them. Suites written for every mention marked
 * say so here; the default density has its own suite (density.test.ts).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { launchDriver, type BrowserName, type ExtensionDriver, type LaunchOptions } from './driver';

/** What a suite needs of its browser before its first test. */
export interface SuiteSetup extends LaunchOptions {
  /** Marks every mention (density "all") instead of the default density. */
  everyMention?: boolean;
  /** Pages the test server answers, by path. */
  routes?: Record<string, string>;
}

/**
 * Registers the launch and the close of `browser` for the current `describe`
 * and returns the driver. The value is a stand-in that forwards to the driver
 * launched in `beforeAll`, so tests use it as they would the driver itself.
 */
export function suiteDriver(browser: BrowserName, setup: SuiteSetup = {}): ExtensionDriver {
  let current: ExtensionDriver | undefined;
  beforeAll(async () => {
    const { everyMention, routes, ...options } = setup;
    current = await launchDriver(browser, options);
    for (const [path, html] of Object.entries(routes ?? {})) current.server.route(path, html);
    if (everyMention) expect((await current.call('settings.update', { patch: { density: 'all' } })).ok).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as ExtensionDriver, {
    get(_, key) {
      if (!current) throw new Error('The browser of this suite is not launched yet: use the driver inside tests and hooks.');
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}
