/**
 * Issue 16, item 3: a card in two levels, like Wikipedia's page previews.
 * The first level (who or what, roles as of their dates, one sourced line,
 * the reader's highlights) fits 360 px without scrolling; "More" expands the
 * rest in place (the same card, focus kept on the button); the card never
 * covers the name it explains.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type Box } from '../driver';
import { suiteDriver } from '../suite';

const CARD = 'backstory-card-host >>> .bs-popover';
const MORE = `${CARD} [data-action="card-more"]`;
const PATH = '/card-levels/article.html';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="backstory-test-open-shadow"><title>Card levels</title></head>
<body><main><h1>Syria news</h1>
<p>Former president Bashar al-Assad fled to Moscow in December 2024 and was granted asylum by Russia.</p>
<p style="margin-top:400px">Vladimir Putin received Ahmed al-Sharaa in the Kremlin.</p>
<p style="margin-top:900px">The end.</p></main></body></html>`;

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(BROWSERS)('card levels, in %s', (browserName) => {
  const driver = suiteDriver(browserName, { routes: { [PATH]: PAGE } });

  it('the first level fits 360 px without scrolling, More expands in place, and the card never covers its name', async () => {
    const page = await driver.open(driver.server.url(PATH));
    for (const id of ['bashar-al-assad', 'ahmed-al-sharaa']) {
      const markSelector = `bs-mark[data-entry-id="${id}"]`;
      await page.waitForSelector(markSelector, { state: 'attached' });
      await page.mouseMove(5, 5);
      await page.hover(markSelector);
      await page.waitForSelector(`${CARD} .bs-card[data-entry-id="${id}"]`);
      const body = `${CARD} .bs-card__body`;
      expect(await page.getAttribute(body, 'data-level')).toBe('first');
      const first = await page.evaluateOn(CARD, (el) => ({ height: el.getBoundingClientRect().height, scroll: el.scrollHeight - el.clientHeight }));
      expect(first.height, id).toBeLessThanOrEqual(360);
      expect(first.scroll, id).toBeLessThanOrEqual(1);
      // One sourced line: one summary (or one excerpt), the frame with the reader's highlights.
      expect(await page.count(`${CARD} .bs-card__summary`)).toBeLessThanOrEqual(1);
      expect(await page.count(`${CARD} iframe.bs-card__private`)).toBe(1);
      expect(await page.count(`${CARD} .bs-card__related`)).toBe(0);
      const markBox = (await page.boundingBox(markSelector))!;
      expect(overlaps((await page.boundingBox(CARD))!, markBox), id).toBe(false);

      expect(await page.getAttribute(MORE, 'aria-expanded')).toBe('false');
      await page.click(MORE);
      await expect.poll(() => page.getAttribute(body, 'data-level')).toBe('full');
      expect(await page.getAttribute(MORE, 'aria-expanded')).toBe('true');
      expect(await page.textContent(MORE)).toBe('Less');
      expect(await page.count(`${CARD} .bs-card__section`)).toBeGreaterThan(0);
      expect(await page.count(`${CARD} .bs-card[data-entry-id="${id}"]`)).toBe(1);
      expect(overlaps((await page.boundingBox(CARD))!, (await page.boundingBox(markSelector))!), id).toBe(false);
      await page.press('Escape');
      await page.waitForSelector(CARD, { state: 'detached' });
    }
    await page.close();
  }, 60_000);
});
