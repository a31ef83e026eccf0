/**
 * Issue 16, item 4 (the last piece): "Tab reaches marks when the reader turns
 * that on". With Settings → Cards → "Reach names on pages with the Tab key"
 * checked, Tab from the page's start reaches the first name with a visible
 * focus ring, Enter opens its card with focus inside the card, and Escape
 * brings focus back to the name. Unchecked (the default, and again after
 * unchecking it, without reload), Tab skips the names.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type DriverPage } from '../driver';
import { suiteDriver } from '../suite';

const PATH = '/tab-to-marks/article.html';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="backstory-test-open-shadow"><title>Tab to names</title></head>
<body><nav><a href="#home" id="home">Home</a></nav><main><h1>Talks on Syria</h1>
<p>Vladimir Putin received Ahmed al-Sharaa in the Kremlin, where <a href="#erdogan" id="link">Recep Tayyip Erdoğan</a> was expected later.</p>
<p>The talks turned to Turkey and Iran. <a href="#more" id="more">More</a></p></main></body></html>`;
const CARD = 'backstory-card-host >>> .bs-popover';

/** What has focus: a mark (with its mention and whether it shows a ring), a link, the card, or nothing. */
interface Focused {
  tag: string;
  id: string;
  mention: string | null;
  ring: boolean;
  /** With focus in the card: the class of the element focused inside its shadow root. */
  inCard: string | null;
}

function focused(page: DriverPage): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || !document.hasFocus()) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      mention: el.getAttribute('data-mention'),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      inCard: el.shadowRoot?.activeElement?.getAttribute('class') ?? null,
    };
  });
}

/** The page's first name, in document order: the mention Tab must reach first. */
function firstMention(page: DriverPage): Promise<string | null> {
  return page.evaluate(() => document.querySelector('bs-mark')?.getAttribute('data-mention') ?? null);
}

describe.each(BROWSERS)('Tab to names, in %s', (browserName) => {
  const driver = suiteDriver(browserName, { routes: { [PATH]: PAGE } });

  /** Opens the article, in front (a background tab has no focus), once the names are marked. */
  async function openArticle(): Promise<DriverPage> {
    const page = await driver.open(driver.server.url(PATH));
    await page.waitForFunction(() => document.querySelectorAll('bs-mark[data-mention]').length >= 3, undefined, { timeout: 20_000 });
    await page.bringToFront();
    return page;
  }

  /** Presses Tab until focus leaves the page, listing what it reached. */
  async function tabThrough(page: DriverPage, most = 12): Promise<Focused[]> {
    const seen: Focused[] = [];
    for (let i = 0; i < most; i++) {
      await page.press('Tab');
      const now = await focused(page);
      if (!now) break;
      seen.push(now);
    }
    return seen;
  }

  /** Checks or unchecks the setting on the Settings page, as a reader does. */
  async function setTabToMarks(on: boolean): Promise<void> {
    const options = await driver.openExtensionPage('options.html', '#settings');
    await options.check('[data-testid=setting-tab-to-marks]', on);
    await expect.poll(async () => {
      const settings = await driver.call('settings.get', {});
      return settings.ok && settings.value.tabToMarks;
    }).toBe(on);
    await options.close();
  }

  it('is off by default: Tab skips the names', async () => {
    const settings = await driver.call('settings.get', {});
    expect(settings.ok && settings.value.tabToMarks).toBe(false);
    const page = await openArticle();
    expect(await page.count('bs-mark[tabindex="0"]')).toBe(0);
    const seen = await tabThrough(page);
    expect(seen.map((s) => s.id)).toEqual(['home', 'link', 'more']);
    await page.close();
  });

  it('turned on in Settings, Tab reaches the first name with a focus ring; Enter opens its card with focus inside; Escape goes back to the name', async () => {
    await setTabToMarks(true);
    const page = await openArticle();
    const first = await firstMention(page);
    expect(first).not.toBeNull();
    await page.press('Tab');
    expect((await focused(page))?.id).toBe('home');
    await page.press('Tab');
    const onName = await focused(page);
    expect(onName).toMatchObject({ tag: 'bs-mark', mention: first, ring: true });
    // Reaching a name does not open its card: Enter does.
    expect(await page.count('backstory-card-host >>> .bs-card')).toBe(0);

    await page.press('Enter');
    await page.waitForSelector(`${CARD} .bs-card`);
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'backstory-card-host', inCard: 'bs-popover' });

    await page.press('Escape');
    await page.waitForSelector(`${CARD}`, { state: 'detached' });
    expect(await focused(page)).toMatchObject({ tag: 'bs-mark', mention: first, ring: true });

    // Space opens it too, and Tab goes on from name to name.
    await page.press(' ');
    await page.waitForSelector(`${CARD} .bs-card`);
    await page.press('Escape');
    await page.waitForSelector(`${CARD}`, { state: 'detached' });
    await page.press('Tab');
    const next = await focused(page);
    expect(next?.tag).toBe('bs-mark');
    expect(next?.mention).not.toBe(first);
    await page.close();
  });

  it('turned off again, the names leave the Tab order without a reload', async () => {
    const page = await openArticle();
    expect(await page.count('bs-mark[tabindex="0"]')).toBeGreaterThan(2);
    await setTabToMarks(false);
    await expect.poll(() => page.count('bs-mark[tabindex="0"]')).toBe(0);
    await page.bringToFront();
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('bs-mark[data-mention]').length >= 3, undefined, { timeout: 20_000 });
    await page.bringToFront();
    const seen = await tabThrough(page);
    expect(seen.filter((s) => s.tag === 'bs-mark')).toEqual([]);
    expect(seen.map((s) => s.id)).toEqual(['home', 'link', 'more']);
    await page.close();
  });

  it('threw no uncaught errors', () => {
    expect(driver.pageErrors).toEqual([]);
  });
});
