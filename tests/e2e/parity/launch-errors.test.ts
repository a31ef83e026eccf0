/**
 * Issue 8: a browser that cannot start fails the run with a message that says
 * what to do — it is never skipped. Each case points the driver at a missing
 * or broken executable through the documented environment variables.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { launchDriver } from '../driver';

const saved = { FIREFOX_PATH: process.env.FIREFOX_PATH, CHROMIUM_PATH: process.env.CHROMIUM_PATH };

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('a browser that cannot start', () => {
  it('Firefox ESR missing: says to install firefox-esr or set FIREFOX_PATH', async () => {
    process.env.FIREFOX_PATH = '/nonexistent/firefox-esr';
    await expect(launchDriver('firefox')).rejects.toThrow(/Firefox ESR not found: install firefox-esr .*or set FIREFOX_PATH/);
  });

  it('Firefox that exits at once: says it could not start', async () => {
    process.env.FIREFOX_PATH = '/bin/false';
    await expect(launchDriver('firefox')).rejects.toThrow(/Firefox ESR could not start \(\/bin\/false\)/);
  });

  it('Chromium missing: says what to install or set', async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    await expect(launchDriver('chromium')).rejects.toThrow(/Chromium could not start: CHROMIUM_PATH is set to \/nonexistent\/chromium/);
  });
});
