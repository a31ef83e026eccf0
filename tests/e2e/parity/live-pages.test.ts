/**
 * Issue 14, item 7: a page that never stops changing (a live blog replacing
 * its posts). After a long burst of replaced paragraphs, far more mentions
 * than the cap went through the page, yet the names it shows now are marked,
 * and the content script, the popup and the stored page report count exactly
 * the marks in the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';

const PARAGRAPHS = 40;
/** Low enough that the burst takes several times this many marked mentions through the page. */
const CAP = 200;
const BURST_MS = 6000;

/**
 * A live ticker: every 5 ms while `churn(ms)` runs, the oldest paragraph
 * goes and a new one (two mentions, new text) comes at the end, so each lives
 * about 200 ms: long enough to be marked, then removed.
 */
const LIVE_PAGE = `<!doctype html><title>Live</title><body><main id="live"></main><script>
  const live = document.getElementById('live');
  let round = 0;
  function add() {
    const p = document.createElement('p');
    p.textContent = 'Update ' + ++round + ': Vladimir Putin spoke about Hama today.';
    live.append(p);
  }
  for (let i = 0; i < ${PARAGRAPHS}; i++) add();
  window.churn = (ms) => new Promise((resolve) => {
    const until = performance.now() + ms;
    const timer = setInterval(() => {
      live.firstElementChild.remove();
      add();
      if (performance.now() >= until) { clearInterval(timer); resolve(round); }
    }, 5);
  });
</script></body>`;

/** The entry ids marked in each paragraph. */
function marksPerParagraph(page: DriverPage): Promise<string[][]> {
  return page.evaluate(() => [...document.querySelectorAll('#live p')].map((p) => [...p.querySelectorAll('bs-mark')].map((m) => m.getAttribute('data-entry-id')!)));
}

describe.each(BROWSERS)('live pages, end to end, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    // Written for every mention marked; the default density is tested in density.test.ts.
    expect((await driver.call('settings.update', { patch: { density: 'all' } })).ok).toBe(true);
    driver.server.route('/live.html', LIVE_PAGE);
    expect((await driver.call('settings.update', { patch: { markCap: CAP } })).ok).toBe(true);
  });
  afterAll(async () => {
    await driver?.call('settings.update', { patch: { markCap: 5000 } });
    await driver?.close();
  });

  it('after a long burst of replaced paragraphs, the names shown are marked and every count is the marks in the page', async () => {
    const page = await driver.open(driver.server.url('/live.html'));
    const everyParagraph = Array.from({ length: PARAGRAPHS }, () => ['vladimir-putin', 'hama']);
    await expect.poll(() => marksPerParagraph(page), { timeout: 15_000 }).toEqual(everyParagraph);
    const rounds = await page.evaluate((ms) => (window as unknown as { churn(ms: number): Promise<number> }).churn(ms), BURST_MS);
    expect(rounds).toBeGreaterThan(2 * PARAGRAPHS);

    await expect.poll(() => marksPerParagraph(page), { timeout: 15_000 }).toEqual(everyParagraph);
    // Every mark is one whole name here (no name split across elements): mentions per entry are marks per entry.
    const inPage = await page.evaluate(() => {
      const counts: Record<string, number> = {};
      for (const m of document.querySelectorAll('bs-mark')) counts[m.getAttribute('data-entry-id')!] = (counts[m.getAttribute('data-entry-id')!] ?? 0) + 1;
      return counts;
    });
    expect(inPage).toEqual({ 'vladimir-putin': PARAGRAPHS, hama: PARAGRAPHS });

    const state = await driver.callTab(page, 'tab.state', {});
    expect(state.ok && { counts: state.value.counts, marks: state.value.marks, capped: state.value.capped }).toEqual({ counts: inPage, marks: 2 * PARAGRAPHS, capped: false });

    const tabId = await driver.tabIdOf(page);
    await expect
      .poll(async () => {
        const summary = await driver.call('page.summary', { tabId });
        return summary.ok && summary.value && { counts: summary.value.counts, marks: summary.value.marks, capped: summary.value.capped };
      })
      .toEqual({ counts: inPage, marks: 2 * PARAGRAPHS, capped: false });

    const popup = await driver.openPopupFor(page);
    const buttons = '[data-testid=page-entries] button[data-entry-id]';
    await popup.waitForSelector(buttons);
    const popupCounts = await popup.evaluateAll(buttons, (els) => Object.fromEntries(els.map((b) => [b.getAttribute('data-entry-id')!, Number(b.getAttribute('data-count'))])));
    expect(popupCounts).toEqual(inPage);
    expect(await popup.textContent('#page-entries-title')).not.toContain('stopped early');
    await popup.close();

    // The burst made the content script mark far more mentions than the cap, over time (its own measures say so).
    const marked = await page.evaluate(() => (performance.getEntriesByName('backstory:annotate') as PerformanceMeasure[]).reduce((sum, m) => sum + ((m.detail as { added?: number } | null)?.added ?? 0), 0));
    expect(marked).toBeGreaterThan(CAP);
    await page.close();
  });
});
