/**
 * Issue 16, item 1: quiet by default. A new install marks the first mention
 * of each name in each section of an article (a heading starts a section),
 * not every repeat; the popup's "Mark every mention" switch marks them all
 * without a reload, and turning it off makes the page quiet again. Prints the
 * mark counts, every mention against the default, on the demo article and
 * five real pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';

const DEMO = '/demo/2025-10-sharaa-overture-to-putin.html';
const REAL = ['yahoo-2.html', 'nytimes-5.html', 'liberation-1.html', 'buzzfeed-1.html', 'clean-links.html'];
const SWITCH = '[data-testid=toggle-every-mention]';

/** Mentions marked on the page (a name split across elements counts once), by entry. */
function markedByEntry(page: DriverPage): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const mentions = new Map<string, Set<string>>();
    document.querySelectorAll('bs-mark').forEach((m, i) => {
      const id = m.getAttribute('data-entry-id')!;
      mentions.set(id, (mentions.get(id) ?? new Set()).add(m.getAttribute('data-mention') ?? `piece-${i}`));
    });
    return Object.fromEntries([...mentions].map(([id, set]) => [id, set.size]));
  });
}

const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

describe.each(BROWSERS)('density, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
  });
  afterAll(async () => {
    await driver?.close();
  });

  /** The page's marks (per entry) and the tab's counted mentions once a pass has run. */
  async function measure(page: DriverPage): Promise<{ marked: Record<string, number>; counts: Record<string, number> }> {
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('backstory:annotate').length), { timeout: 30_000 }).toBeGreaterThan(0);
    const state = await driver.callTab(page, 'tab.state', {});
    if (!state.ok) throw new Error(state.error.message);
    expect(state.value.marks).toBe(total(await markedByEntry(page)));
    return { marked: await markedByEntry(page), counts: state.value.counts };
  }

  it('a new install marks one mention of each name per section; the popup switch marks every mention and back, without a reload', async () => {
    const settings = await driver.call('settings.get', {});
    expect(settings.ok && settings.value.density).toBe('sections');

    const page = await driver.open(driver.server.url(DEMO));
    const quiet = await measure(page);
    // Every name the page mentions keeps a mark; far fewer marks than mentions.
    expect(Object.keys(quiet.marked).sort()).toEqual(Object.keys(quiet.counts).sort());
    expect(total(quiet.marked)).toBeLessThan(total(quiet.counts) / 2);

    const popup = await driver.openPopupFor(page);
    await popup.waitForSelector(SWITCH);
    expect(await popup.evaluate((s) => (document.querySelector(s) as HTMLInputElement).checked, SWITCH)).toBe(false);
    await popup.click(SWITCH);
    await expect.poll(async () => total(await markedByEntry(page)), { timeout: 15_000 }).toBe(total(quiet.counts));
    await popup.click(SWITCH);
    await expect.poll(async () => total(await markedByEntry(page)), { timeout: 15_000 }).toBe(total(quiet.marked));
    await popup.close();
    await page.close();
  });

  it('mark counts, every mention against the default, on the demo article and five real pages', async () => {
    const figures: string[] = [];
    for (const path of [DEMO, ...REAL.map((name) => `/realpages/${name}`)]) {
      const counts: Record<string, number> = {};
      for (const density of ['all', 'sections'] as const) {
        expect((await driver.call('settings.update', { patch: { density } })).ok).toBe(true);
        const page = await driver.open(driver.server.url(path));
        counts[density] = total((await measure(page)).marked);
        await page.close();
      }
      expect(counts.sections).toBeLessThanOrEqual(counts.all!);
      if (counts.all! > 0) expect(counts.sections).toBeGreaterThan(0);
      figures.push(`${path.split('/').pop()}: ${counts.all} → ${counts.sections}`);
    }
    console.log(`[${browserName}] marks, every mention → default: ${figures.join('; ')}`);
  });
});
