/**
 * Issue 14: the private frame keeps the reader's keyboard and the page's copy
 * current, in both browsers. A note saved in the highlight popover's frame
 * reaches the page's own list (`tab.state`, what the popup shows), and Escape
 * pressed inside a frame (the card's or the popover's) closes what holds it,
 * although the frame's focus keeps the key from the content script.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type ExtensionDriver } from '../driver';
import { entryFrame, noteFrame } from '../private-frames';
import { HIGHLIGHTS_FOR_ENTRY } from '../../../src/shared/protocol';

const PATH = '/private-frame/news.html';
const QUOTE = 'fled to Moscow in December 2024';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frame news</title><meta name="backstory-test-open-shadow"></head>
<body><main><h1>Syria news</h1><p>Former president Bashar al-Assad ${QUOTE}, the agency said.</p></main></body></html>`;
const POPOVER = 'backstory-highlights-ui >>> [data-testid="bs-popover"]';
const CARD = 'backstory-card-host >>> .bs-popover';

describe.each(BROWSERS)('the private frame, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    driver.server.route(PATH, PAGE);
    const own = `Former president Bashar al-Assad ${QUOTE}`;
    const start = own.indexOf(QUOTE);
    const now = Date.now();
    const imported = await driver.call('highlights.import', {
      text: JSON.stringify({
        format: 'backstory-highlights',
        version: 1,
        highlights: [
          {
            id: 'frame-own-1',
            url: driver.server.url(PATH),
            title: 'Frame news',
            quote: QUOTE,
            selectors: [
              { type: 'TextQuoteSelector', exact: QUOTE, prefix: 'Bashar al-Assad ', suffix: ', the agency' },
              { type: 'TextPositionSelector', start, end: start + QUOTE.length },
            ],
            colour: 'yellow',
            note: '',
            entityIds: ['bashar-al-assad'],
            createdAt: now,
            updatedAt: now,
          },
        ],
      }),
    });
    expect(imported.ok).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await driver?.close();
  });

  it('a note saved in the frame reaches the page’s list, and Escape in the frame closes the popover', async () => {
    const page = await driver.open(driver.server.url(PATH));
    await page.waitForSelector('bs-highlight[data-highlight-id="frame-own-1"]', { state: 'attached' });
    await page.click('bs-highlight[data-highlight-id="frame-own-1"]');
    await page.frameFill(noteFrame(driver, 'frame-own-1'), 'textarea', 'Asylum, not exile');
    await page.frameClick(noteFrame(driver, 'frame-own-1'), '[data-action="save-note"]:not([disabled])');
    const noteOnPage = async () => {
      const reply = (await driver.callTab(page, 'tab.state', {})) as { ok: boolean; value?: { highlights: { id: string; note: string }[] } };
      return reply.value?.highlights.find((h) => h.id === 'frame-own-1')?.note;
    };
    await expect.poll(noteOnPage, { timeout: 10_000 }).toBe('Asylum, not exile');
    // Focus is in the frame (its Save button): Escape there closes the popover.
    expect(await page.count(POPOVER)).toBe(1);
    await page.press('Escape');
    await expect.poll(() => page.count(POPOVER), { timeout: 10_000 }).toBe(0);
    await page.close();
  });

  it('Escape in the card’s frame closes the card', async () => {
    const page = await driver.open(driver.server.url(PATH));
    await page.waitForSelector('bs-mark[data-entry-id="bashar-al-assad"]', { state: 'attached' });
    await page.hover('h1');
    await page.hover('bs-mark[data-entry-id="bashar-al-assad"]');
    await page.waitForSelector(`${CARD} .bs-card[data-entry-id="bashar-al-assad"]`);
    await expect.poll(() => page.frameText(entryFrame(driver, 'bashar-al-assad')), { timeout: 15_000 }).toContain(QUOTE);
    // Into the frame, as a reader's click on its text puts focus there.
    await page.frameClick(entryFrame(driver, 'bashar-al-assad'), '[data-testid="private-highlights"]');
    await page.press('Escape');
    await expect.poll(() => page.count(CARD), { timeout: 10_000 }).toBe(0);
    await page.close();
  });

  // Last: the highlights it adds would crowd the others out of the card's frame.
  it('lists only the newest highlights of a much-highlighted name, says how many there are, and links to all of them', async () => {
    const others = HIGHLIGHTS_FOR_ENTRY + 6;
    const older = Date.now() - 60_000;
    const imported = await driver.call('highlights.import', {
      text: JSON.stringify({
        format: 'backstory-highlights',
        version: 1,
        highlights: Array.from({ length: others }, (_, i) => ({
          id: `frame-other-${i}`,
          url: `https://elsewhere.example/story-${i}`,
          title: `Story ${i}`,
          quote: `Assad, take ${i}`,
          selectors: [
            { type: 'TextQuoteSelector', exact: `Assad, take ${i}`, prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 0, end: `Assad, take ${i}`.length },
          ],
          colour: 'blue',
          note: '',
          entityIds: ['bashar-al-assad'],
          createdAt: older + i,
          updatedAt: older + i,
        })),
      }),
    });
    expect(imported.ok).toBe(true);
    const total = others + 1;
    const page = await driver.open(driver.server.url(PATH));
    await page.waitForSelector('bs-mark[data-entry-id="bashar-al-assad"]', { state: 'attached' });
    await page.hover('h1');
    await page.hover('bs-mark[data-entry-id="bashar-al-assad"]');
    await page.waitForSelector(`${CARD} .bs-card[data-entry-id="bashar-al-assad"]`);
    const frame = entryFrame(driver, 'bashar-al-assad');
    await expect.poll(() => page.frameText(frame), { timeout: 15_000 }).toContain(`The newest ${HIGHLIGHTS_FOR_ENTRY} of ${total}.`);
    const text = (await page.frameText(frame))!;
    // The heading is uppercased by the card's CSS, and the frame's text is as rendered.
    expect(text.toLowerCase()).toContain(`your highlights (${total})`);
    expect(text).toContain('All of them in the highlights manager');
    // The page's own highlight is the newest; the oldest of the others is left out.
    expect(text).toContain(QUOTE);
    expect(text).toContain(`Assad, take ${others - 1}`);
    expect(text).not.toContain('Assad, take 0”');
    await page.close();

    // The link's route opens the manager filtered by the name: every one of them.
    const manager = await driver.openExtensionPage('options.html', '#highlights?entity=bashar-al-assad');
    await expect.poll(() => manager.count('.hl-quote'), { timeout: 15_000 }).toBe(total);
    await expect.poll(() => manager.evaluateOn('select', (el) => (el as HTMLSelectElement).value), { timeout: 10_000 }).toBe('bashar-al-assad');
    // The hash follows the filter: a reload keeps what the reader chose.
    await manager.selectOption('select', '');
    await expect.poll(() => manager.evaluate(() => location.hash)).toBe('#highlights');
    await expect.poll(() => manager.count('.hl-quote'), { timeout: 15_000 }).toBeGreaterThanOrEqual(total);
    await manager.close();
  });
});
