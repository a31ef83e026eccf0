/**
 * Issue 4, big pages: a pass wraps the first marks at once and holds the rest
 * until they come near the viewport (`pending-wraps.ts`). Counts cover every
 * mention from the start; scrolling draws the held marks; a jump to a mention
 * draws them all; turning off drops what is held and restores the page.
 * Issue 17: a page whose text goes to the background in parts is marked, and
 * judged, as one page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';

const PARAGRAPHS = 600;
/** Two mentions per paragraph: 1,200 in all, far more than a pass wraps at once. */
const LONG_PAGE = `<!doctype html><title>Long</title><body>${Array.from(
  { length: PARAGRAPHS },
  (_, i) => `<p id="p${i}">Dispatch ${i}: Vladimir Putin spoke about Hama today.</p>`,
).join('')}</body>`;

/**
 * A page whose text goes to the background in several parts (whole
 * paragraphs, up to 32 K characters a message in Chrome, 128 K in Firefox): names at its start, middle and end, and a
 * clerk named Hama who "said" something once in each third of it and is never
 * a place.
 */
const PARTED_PARAGRAPHS = 900;
const PARTED_PAGE = `<!doctype html><title>Parted</title><body>${Array.from({ length: PARTED_PARAGRAPHS }, (_, i) => {
  const names = i === 0 ? 'Vladimir Putin wrote. ' : i === 450 ? 'Russia replied. ' : i === 899 ? 'Bashar al-Assad answered. ' : '';
  const clerk = i % 300 === 150 ? '“I would prefer not to,” said Hama. ' : '';
  return `<p id="q${i}">${names}${clerk}${'The office was quiet and the copyists worked on through the afternoon. '.repeat(7)}</p>`;
}).join('')}</body>`;

/** The same page, with our shadow roots open to the test (see `shadow-host.ts`). */
const LONG_PAGE_OPEN = LONG_PAGE.replace('<title>Long</title>', '<title>Long</title><meta name="backstory-test-open-shadow">');
const TOOLBAR = 'backstory-highlights-ui >>> [data-testid="bs-toolbar"]';

function markIds(page: DriverPage, selector: string): Promise<(string | null)[]> {
  return page.evaluate((sel) => [...document.querySelectorAll(`${sel} bs-mark`)].map((m) => m.getAttribute('data-entry-id')), selector);
}

const markCount = (page: DriverPage): Promise<number> => page.evaluate(() => document.querySelectorAll('bs-mark').length);

describe.each(BROWSERS)('long pages, end to end, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    // Written for every mention marked; the default density is tested in density.test.ts.
    expect((await driver.call('settings.update', { patch: { density: 'all' } })).ok).toBe(true);
    driver.server.route('/long.html', LONG_PAGE);
    driver.server.route('/long-open.html', LONG_PAGE_OPEN);
    driver.server.route('/parted.html', PARTED_PAGE);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('wraps the top at once, the rest as the reader scrolls, and everything before a jump', async () => {
    const page = await driver.open(driver.server.url('/long.html'));
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('backstory:annotate').length), { timeout: 15_000 }).toBeGreaterThan(0);
    const served = await page.evaluate(() => document.body.innerText);
    expect(await markIds(page, '#p0')).toEqual(['vladimir-putin', 'hama']);
    const first = await markCount(page);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(2 * PARAGRAPHS);
    expect(await markIds(page, `#p${PARAGRAPHS - 1}`)).toEqual([]);
    // The popup's numbers already cover every mention.
    const state = await driver.callTab(page, 'tab.state', {});
    expect(state.ok && state.value.marks).toBe(2 * PARAGRAPHS);

    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => markIds(page, `#p${PARAGRAPHS - 1}`), { timeout: 10_000 }).toEqual(['vladimir-putin', 'hama']);
    expect(await markCount(page)).toBeLessThan(2 * PARAGRAPHS);

    // The keyboard's "next mention" must find every mention marked.
    expect(await driver.callTab(page, 'tab.focusNextMention', {})).toEqual({ ok: true, value: true });
    expect(await markCount(page)).toBe(2 * PARAGRAPHS);
    expect(await page.evaluate(() => document.body.innerText)).toBe(served);
    await page.close();
  });

  it('marks a page sent in parts as one page: every name in place, and a place used as a character in each part left unmarked', async () => {
    const page = await driver.open(driver.server.url('/parted.html'));
    expect(await page.evaluate(() => document.body.innerText.length)).toBeGreaterThan(3 * 131_072);
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('bs-mark').length), { timeout: 15_000 }).toBe(3);
    expect(await markIds(page, '#q0')).toEqual(['vladimir-putin']);
    expect(await markIds(page, '#q450')).toEqual(['russia']);
    expect(await markIds(page, '#q899')).toEqual(['bashar-al-assad']);
    const state = await driver.callTab(page, 'tab.state', {});
    expect(state.ok && state.value.counts).toEqual({ 'vladimir-putin': 1, russia: 1, 'bashar-al-assad': 1 });
    await page.close();
  });

  it('turning off with marks still held restores the page exactly, and scrolling then marks nothing', async () => {
    const page = await driver.open(driver.server.url('/long.html'));
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('backstory:annotate').length), { timeout: 15_000 }).toBeGreaterThan(0);
    const served = await page.evaluate(() => ({ text: document.body.innerText, html: document.body.innerHTML.replace(/<bs-mark[^>]*>|<\/bs-mark>/g, '') }));
    expect(await markCount(page)).toBeLessThan(2 * PARAGRAPHS);
    try {
      expect((await driver.call('settings.update', { patch: { enabled: false } })).ok).toBe(true);
      await expect.poll(() => markCount(page), { timeout: 10_000 }).toBe(0);
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await markCount(page)).toBe(0);
      expect(await page.evaluate(() => ({ text: document.body.innerText, html: document.body.innerHTML }))).toEqual(served);
    } finally {
      expect((await driver.call('settings.update', { patch: { enabled: true } })).ok).toBe(true);
    }
    await page.close();
  });

  it('a passage saved from the toolbar keeps its last word when a held mark is drawn under it while the toolbar has focus', async () => {
    const page = await driver.open(driver.server.url('/long-open.html'));
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('backstory:annotate').length), { timeout: 15_000 }).toBeGreaterThan(0);
    const last = `#p${PARAGRAPHS - 1}`;
    expect(await markIds(page, last)).toEqual([]);
    // The reader selects "spoke about Hama" down the page (still unmarked) and the toolbar opens.
    await page.evaluate((sel) => {
      const text = document.querySelector(sel)!.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, text.data.indexOf('spoke'));
      range.setEnd(text, text.data.indexOf(' today'));
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, last);
    // The reader's own key press opens the toolbar (a page's synthetic mouseup does not).
    await page.press('Shift');
    await page.waitForSelector(`${TOOLBAR} [data-action="save"]`, { state: 'attached' });
    // Then tabs into the toolbar: focus there, no page selection left, and the paragraph comes into view.
    await page.evaluate((sel) => {
      const root = document.querySelector('backstory-highlights-ui')!.shadowRoot!;
      root.querySelector<HTMLButtonElement>('[data-testid="bs-toolbar"] [data-action="note"]')!.focus({ preventScroll: true });
      document.getSelection()!.removeAllRanges();
      document.querySelector(sel)!.scrollIntoView();
    }, last);
    await expect.poll(() => markIds(page, last), { timeout: 10_000 }).toEqual(['vladimir-putin', 'hama']);
    // "Save with note…": saved at once, then opened to write the note in its private frame.
    await page.click(`${TOOLBAR} [data-action="note"]`);
    await page.waitForSelector(`backstory-highlights-ui >>> [data-testid="bs-popover"] iframe.note-frame`);
    await expect
      .poll(async () => {
        const list = await driver.call('highlights.list', {});
        return list.ok ? list.value.items.filter((h) => h.url === driver.server.url('/long-open.html')).map((h) => h.quote) : [];
      }, { timeout: 10_000 })
      .toEqual(['spoke about Hama']);
    await page.close();
  });
});
