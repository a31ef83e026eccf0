/**
 * Issue 13: cards a reader can trust, in Chromium and Firefox ESR. The hover
 * card and the options entry page of a person whose role ended (Hafez
 * al-Assad: "until death"), of a person with only old evidence (Sergei Shoigu:
 * "as of" his 2020 article, never current), and a page dated years before the
 * corpus (the roles held then). Each claim's quote is revealed by keyboard
 * focus on its "source" button.
 *
 * The served pages carry names already marked as the highlighter marks them,
 * and `<meta name="backstory-test-open-shadow">` opens the card's shadow root
 * for the selectors (development builds only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';

const CARD = 'backstory-card-host >>> .bs-popover';

function mark(id: string, text: string): string {
  return `<bs-mark data-entry-id="${id}" data-entry-type="person" data-group="person" class="bs-mark bs-mark--person">${text}</bs-mark>`;
}

function pageHtml(published: string | undefined, body: string): string {
  const date = published ? `<meta property="article:published_time" content="${published}T08:00:00Z">` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trusted cards</title><meta name="backstory-test-open-shadow">${date}</head>
<body><main><h1>Syria news</h1><p>${body}</p><p style="margin-top:600px">The end.</p></main></body></html>`;
}

describe.each(BROWSERS)('cards a reader can trust, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
  });
  afterAll(async () => {
    await driver?.close();
  });

  async function hoverCard(route: string, published: string | undefined, id: string, body: string): Promise<DriverPage> {
    driver.server.route(route, pageHtml(published, body));
    const page = await driver.open(driver.server.url(route));
    await page.waitForSelector('bs-mark[data-mention]', { state: 'attached' });
    await page.mouseMove(5, 5);
    await page.hover(`bs-mark[data-entry-id="${id}"]`);
    await page.waitForSelector(`${CARD} .bs-card[data-entry-id="${id}"] .bs-card__role`);
    return page;
  }

  async function entryPage(id: string): Promise<DriverPage> {
    const options = await driver.openExtensionPage('options.html', `#entry/${id}`);
    await options.waitForSelector(`.bs-card[data-entry-id="${id}"] .bs-card__role`);
    return options;
  }

  it('a person whose role ended: "until death", never current, on the card and the entry page', async () => {
    const page = await hoverCard('/trust/ended.html', '2022-08-20', 'hafez-al-assad', `${mark('hafez-al-assad', 'Hafez al-Assad')} ruled Syria for three decades.`);
    expect(await page.textContents(`${CARD} .bs-card__role`)).toEqual(['President of Syria until death source']);
    expect(await page.getAttribute(`${CARD} .bs-card__role`, 'data-role')).toBe('over');
    // The card's second level (its related entries), opened before a source panel covers the footer.
    await page.click(`${CARD} [data-action="card-more"]`);
    // Keyboard: focusing the role's "source" reveals its quote, outlet and date.
    await page.focus(`${CARD} .bs-card__role .bs-prov__toggle`);
    await page.waitForSelector(`${CARD} .bs-card__role .bs-prov__panel`);
    expect(await page.getAttribute(`${CARD} .bs-card__role .bs-prov__toggle`, 'aria-expanded')).toBe('true');
    expect(await page.textContent(`${CARD} .bs-card__role .bs-prov__panel`)).toMatch(/When Syrian President Hafez al-Assad died.*Goblet of Normalization’, Aug 2022 \(approx\.\)$/);
    // "Bashar al-Assad son of Hafez al-Assad" is not in the corpus: it says so (on the card's second level, opened above).
    expect(await page.textContent(`${CARD} .bs-card__related[data-related-id="bashar-al-assad"]`)).toContain('not from the corpus');
    await page.close();

    const options = await entryPage('hafez-al-assad');
    expect(await options.textContents('.bs-card__role')).toEqual(['President of Syria until death source']);
    expect(await options.textContent('.bs-card')).not.toMatch(/As of|current/);
    await options.close();
  });

  it('a person with only old evidence: "as of" that article, on the card and the entry page', async () => {
    const page = await hoverCard('/trust/old.html', '2025-11-30', 'sergei-shoigu', `${mark('sergei-shoigu', 'Sergei Shoigu')} was in the news again.`);
    expect(await page.textContents(`${CARD} .bs-card__role`)).toEqual(['Defence Minister of Russia — as of 8 Sep 2020 (approx.) source']);
    // The page is newer than the corpus' latest word on Shoigu.
    expect(await page.textContent(`${CARD} [data-notice="latest"]`)).toMatch(/^Backstory’s latest on Sergei Shoigu: Sep 2020 — this page is from 30 Nov 2025/);
    // Each summary sentence reveals its quote on focus.
    await page.focus(`${CARD} .bs-card__summary .bs-prov__toggle`);
    await page.waitForSelector(`${CARD} .bs-card__summary .bs-prov__panel .bs-card__source a`);
    await page.close();

    const options = await entryPage('sergei-shoigu');
    expect(await options.textContents('.bs-card__role')).toEqual(['Defence Minister of Russia — as of 8 Sep 2020 (approx.) source']);
    await options.focus('.bs-card__role .bs-prov__toggle');
    await options.waitForSelector('.bs-card__role .bs-prov__panel');
    expect(await options.textContent('.bs-card__role .bs-prov__panel')).toContain('brief Lavrov and Defense Minister Sergei Shoigu');
    await options.close();
  });

  it('a page dated years before the corpus: the roles held then, and nothing from later called current', async () => {
    const page = await hoverCard('/trust/2015.html', '2015-03-10', 'bashar-al-assad', `${mark('bashar-al-assad', 'Bashar al-Assad')} met envoys in Damascus.`);
    expect(await page.textContent(`${CARD} [data-notice="then"]`)).toBe('At the time of this article, Mar 2015: President of Syria');
    expect(await page.count(`${CARD} [data-notice="latest"]`)).toBe(0);
    const roles = await page.textContents(`${CARD} .bs-card__role`);
    expect(roles).toContain('In exile in Russia (since 8 Dec 2024) — as of 22 Oct 2025 source');
    expect(roles).toContain('President of Syria until Dec 2024 source');
    await page.close();

    const options = await entryPage('bashar-al-assad');
    // The options page has no article date: no "at the time" notice there.
    expect(await options.count('[data-notice]')).toBe(0);
    expect(await options.textContents('.bs-card__role')).toEqual(roles);
    await options.close();
  });
});
