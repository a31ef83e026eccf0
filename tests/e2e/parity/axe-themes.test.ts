/**
 * Issue 16, "What it must show": axe-core clean in both themes. The popup,
 * every view of the options page, and the page-side card (both levels, on a
 * light and on a dark page) have no axe-core violations of any impact,
 * colour contrast included, with the system theme light and dark
 * (`prefers-color-scheme`, set by the driver's `colorScheme`), in both
 * browsers.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type DriverPage } from '../driver';
import { suiteDriver } from '../suite';
import { axeViolations } from '../axe';

const DOC = '2025-10-sharaa-overture-to-putin';
const CARD = 'backstory-card-host >>> .bs-popover';
const THEMES = ['light', 'dark'] as const;

function articleHtml(style: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="backstory-test-open-shadow"><title>Card contrast</title>${style}</head>
<body><main><h1>Talks in the Kremlin</h1>
<p>Former president Bashar al-Assad fled to Moscow in December 2024 and was granted asylum by Russia.</p>
<p>Vladimir Putin received Ahmed al-Sharaa in the Kremlin in October 2025.</p></main></body></html>`;
}

const PAGES = {
  light: articleHtml(''),
  dark: articleHtml('<style>html,body{background:#121212;color:#eeeeee}</style>'),
};

describe.each(BROWSERS)('axe-core, in %s', (browserName) => {
  describe.each(THEMES)('with a %s system theme', (theme) => {
    const driver = suiteDriver(browserName, { colorScheme: theme, routes: { '/axe-themes/light.html': PAGES.light, '/axe-themes/dark.html': PAGES.dark } });

    /** The theme really is the one asked for, in this page. */
    async function expectTheme(page: DriverPage): Promise<void> {
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(theme === 'dark');
    }

    it('the popup has no violations', async () => {
      const article = await driver.open(driver.server.url(`/demo/${DOC}.html`));
      await article.waitForFunction(() => document.querySelectorAll('bs-mark').length > 3, undefined, { timeout: 20_000 });
      const popup = await driver.openPopupFor(article);
      await popup.waitForSelector('[data-testid=page-entries] button');
      await expectTheme(popup);
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
      await article.close();
    });

    it('every view of the options page has no violations', async () => {
      const options = await driver.openExtensionPage('options.html', '#explorer');
      await expectTheme(options);
      // Each view, with what shows it is drawn.
      const views: [string, string][] = [
        ['#explorer', '.entry-grid li'],
        ['#entry/vladimir-putin', '.bs-card[data-entry-id=vladimir-putin]'],
        ['#timeline', '[data-testid=timeline] a.tl-event'],
        ['#relations', '[data-testid=relations-matrix]'],
        ['#search?q=Erdogan', '[data-testid=search-results] .hit'],
        [`#reader/${DOC}`, 'main bs-mark, main .bs-mark, main .passage'],
        ['#highlights', 'main h1'],
        ['#library', 'main h1'],
        ['#data', 'main h1'],
        ['#settings', '[data-testid=shortcuts] li'],
      ];
      const found: Record<string, string[]> = {};
      for (const [view, drawn] of views) {
        await options.bringToFront();
        await options.evaluate((h) => (location.hash = h), view);
        await options.waitForSelector(drawn);
        await options.waitForFunction(() => !document.querySelector('main .loading'));
        const violations = await axeViolations(options);
        if (violations.length) found[view] = violations;
      }
      expect(found).toEqual({});
      await options.close();
    });

    it.each(['light', 'dark'] as const)('the card on a %s page has no violations, at either level', async (pageKind) => {
      const page = await driver.open(driver.server.url(`/axe-themes/${pageKind}.html`));
      await page.waitForSelector('bs-mark[data-entry-id="bashar-al-assad"]', { state: 'attached', timeout: 20_000 });
      await expectTheme(page);
      await page.mouseMove(5, 5);
      await page.hover('bs-mark[data-entry-id="bashar-al-assad"]');
      await page.waitForSelector(`${CARD} .bs-card[data-entry-id="bashar-al-assad"]`);
      const card = { include: [['backstory-card-host', '.bs-popover']] };
      expect(await axeViolations(page, card)).toEqual([]);
      await page.click(`${CARD} [data-action="card-more"]`);
      await page.waitForSelector(`${CARD} [data-action="card-more"][aria-expanded="true"]`);
      expect(await axeViolations(page, card)).toEqual([]);
      await page.close();
    });

    it('threw no uncaught errors', () => {
      expect(driver.pageErrors).toEqual([]);
    });
  });
});
