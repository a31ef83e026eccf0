/**
 * Issue 17, in both browsers: the content script's first stage
 * (`src/content/first-stage.ts`). On a page with nothing to show it leaves
 * the page alone and loads no more of Backstory; everything a reader does
 * there still works: the popup's question is answered, a selection ended by
 * the reader's own Shift loads the content app and its toolbar, text the
 * page adds with a name is marked, a site turned on is marked. What the
 * reader does elsewhere (the popup, a change of settings) leaves the page's
 * timeline as it was. On a page with names, under the strictest policies a
 * page can set, the app loads, and the page sees no resource of ours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';
import { selectText } from '../select-text';

const QUIET_TEXT = [
  'The council met on Tuesday evening to discuss the new opening hours of the library and the repair of the footbridge.',
  'Residents asked for more benches along the river path, and the council agreed to look at the costs before the spring.',
];
const QUOTE = 'the repair of the footbridge';

/** A page with no name of the corpus; the meta opens the highlights UI's shadow root (development builds only). */
const QUIET_PAGE = `<!doctype html><html><head><meta charset="utf-8"><meta name="backstory-test-open-shadow"><title>Council notes</title></head>
<body><main><h1>Council notes</h1>${QUIET_TEXT.map((p) => `<p>${p}</p>`).join('\n')}</main></body></html>`;

const NAMES_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Talks</title></head>
<body><main><p>Vladimir Putin received Recep Tayyip Erdoğan in Sochi to discuss Syria.</p></main></body></html>`;

const TOOLBAR = 'backstory-highlights-ui >>> [data-testid="bs-toolbar"]';

/** How many passes the page's timeline shows (the first stage's measure, then one per pass of the app). */
function passes(page: DriverPage): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('backstory:annotate').length);
}

/** Everything of ours a page could find in its DOM: marks, drawn highlights, our UI's hosts. */
function ourElements(page: DriverPage): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('bs-mark, bs-highlight, [data-backstory-ui]').length);
}

/** Waits for the first stage's (or the app's) measure of its pass: the content script has looked at the page. */
async function looked(page: DriverPage): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('backstory:annotate').length > 0, undefined, { timeout: 20_000 });
}

describe.each(BROWSERS)('the first stage, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9]) driver.server.route(`/quiet/${n}.html`, QUIET_PAGE);
    driver.server.route('/quiet/names.html', NAMES_PAGE);
    // A quiet page with an image that holds its load back. The first is told to wait a minute for the load (a
    // test build's meta), so its load is never raced; the second waits the second a reader's build waits.
    driver.server.slowImage('/quiet/slow.gif', 2000);
    driver.server.slowImage('/quiet/slower.gif', 4000);
    const slowPage = QUIET_PAGE.replace('<title>', '<meta name="backstory-test-load-wait" content="60000"><title>').replace('</main>', '<img src="/quiet/slow.gif" alt=""></main>');
    driver.server.route('/quiet/slow.html', slowPage);
    driver.server.route('/quiet/slower.html', QUIET_PAGE.replace('</main>', '<img src="/quiet/slower.gif" alt=""></main>'));
    driver.server.route('/quiet/sandboxed.html', NAMES_PAGE, { 'content-security-policy': 'sandbox' });
    driver.server.route('/quiet/no-scripts.html', NAMES_PAGE, { 'content-security-policy': "default-src 'none'" });
  }, 120_000);
  afterAll(async () => {
    await driver?.close();
  });

  /** Opens quiet page `n` (each test its own, so no visit's state carries over) once the content script has looked at it. */
  async function openQuiet(n: number): Promise<DriverPage> {
    const page = await driver.open(driver.server.url(`/quiet/${n}.html`));
    await looked(page);
    return page;
  }

  /** The page adds a paragraph naming Vladimir Putin, under `parent` (a selector). */
  function pageAddsName(page: DriverPage, parent: string): Promise<void> {
    return page.evaluate((selector) => {
      const p = document.createElement('p');
      p.textContent = 'Later, Vladimir Putin spoke about Syria.';
      document.querySelector(selector)!.append(p);
    }, parent);
  }

  it('leaves a page with nothing to show as it was, and its popup says so', async () => {
    const page = await openQuiet(1);
    const text = await page.evaluate(() => document.body.innerHTML);
    expect(await ourElements(page)).toBe(0);
    const popup = await driver.openPopupFor(page);
    await popup.waitForSelector('[data-testid=no-entries]');
    await popup.close();
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(text);
    await page.close();
  }, 90_000);

  it('answers the popup and takes a change of settings without loading the app: the page sees no pass', async () => {
    const page = await openQuiet(4);
    expect(await passes(page)).toBe(1);
    const popup = await driver.openPopupFor(page);
    await popup.waitForSelector('[data-testid=no-entries]');
    await popup.close();
    const state = await driver.callTab(page, 'tab.state', {});
    expect(state).toMatchObject({ ok: true, value: { active: true, marks: 0, highlights: [] } });
    expect((await driver.call('settings.update', { patch: { markCap: 400 } })).ok).toBe(true);
    expect(await driver.callTab(page, 'tab.focusNextMention', {})).toEqual({ ok: true, value: false });
    // The app would have made a pass of its own, which the page could time.
    expect(await passes(page)).toBe(1);
    expect(await ourElements(page)).toBe(0);
    await page.close();
  }, 90_000);

  it('leaves a site the reader turned off unwalked, and marks it when turned on again', async () => {
    const site = new URL(driver.server.origin).hostname;
    expect((await driver.call('settings.toggleSite', { site, enabled: false })).ok).toBe(true);
    try {
      // A page with nothing to mark: walked, it would have the measure of a pass.
      const page = await driver.open(driver.server.url('/quiet/7.html'));
      // The first stage has decided once it answers (polled: the content script starts at document_idle).
      await expect.poll(() => driver.callTab(page, 'tab.state', {}), { timeout: 20_000 }).toMatchObject({ ok: true, value: { active: false, marks: 0 } });
      expect(await passes(page)).toBe(0);
      expect(await ourElements(page)).toBe(0);
      // Turned on: the app loads and makes its pass, then marks what the page adds.
      expect((await driver.call('settings.toggleSite', { site, enabled: true })).ok).toBe(true);
      await expect.poll(() => driver.callTab(page, 'tab.state', {})).toMatchObject({ ok: true, value: { active: true } });
      expect(await passes(page)).toBe(1);
      await pageAddsName(page, 'main');
      await page.waitForSelector('bs-mark[data-entry-id="vladimir-putin"]', { state: 'attached', timeout: 20_000 });
      await page.close();
    } finally {
      await driver.call('settings.toggleSite', { site, enabled: true });
    }
  }, 90_000);

  it('shows the selection toolbar there when the reader ends a selection with Shift, and saves it', async () => {
    const page = await openQuiet(2);
    await selectText(page, 'main', QUOTE);
    // A page's own synthetic key events load nothing: only the reader's do.
    await page.evaluate(() => document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', shiftKey: true, bubbles: true })));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await ourElements(page)).toBe(0);
    expect(await passes(page)).toBe(1);
    await page.press('Shift');
    await page.waitForSelector(`${TOOLBAR} [data-action="save"]`, { timeout: 20_000 });
    await page.click(`${TOOLBAR} [data-action="save"]`);
    await expect.poll(() => page.textContents('bs-highlight:not([data-highlight-id^="pending-"])'), { timeout: 20_000 }).toEqual([QUOTE]);
    // The saved highlight comes back on the next visit, which the first stage hands to the app.
    await page.reload();
    await page.waitForSelector('bs-highlight', { state: 'attached', timeout: 20_000 });
    expect(await page.textContents('bs-highlight')).toEqual([QUOTE]);
    await page.close();
  }, 90_000);

  it('saves a selection there from the menu or the keyboard command', async () => {
    const page = await openQuiet(5);
    await selectText(page, 'main', 'more benches along the river path');
    expect(await driver.callTab(page, 'tab.saveSelection', {})).toEqual({ ok: true, value: true });
    await expect.poll(() => page.textContents('bs-highlight:not([data-highlight-id^="pending-"])'), { timeout: 20_000 }).toEqual(['more benches along the river path']);
    await page.close();
  }, 90_000);

  it('marks the names of a new body the page swaps in (a client-side navigation)', async () => {
    const page = await openQuiet(6);
    await page.evaluate(() => {
      const body = document.createElement('body');
      const p = document.createElement('p');
      p.textContent = 'Vladimir Putin arrived in Ankara.';
      body.append(p);
      document.documentElement.replaceChild(body, document.body);
    });
    await page.waitForSelector('bs-mark[data-entry-id="vladimir-putin"]', { state: 'attached', timeout: 20_000 });
    await page.close();
  }, 90_000);

  it('marks a name the page adds to a body it swapped in empty', async () => {
    const page = await openQuiet(8);
    await page.evaluate(() => document.documentElement.replaceChild(document.createElement('body'), document.body));
    // A later task, after the first stage has seen the empty body arrive.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(await ourElements(page)).toBe(0);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Vladimir Putin arrived in Ankara.';
      document.body.append(p);
    });
    await page.waitForSelector('bs-mark[data-entry-id="vladimir-putin"]', { state: 'attached', timeout: 20_000 });
    await page.close();
  }, 90_000);

  it('leaves alone a name the page adds to a body it swapped out', async () => {
    const page = await openQuiet(9);
    await page.evaluate(() => {
      const old = document.body;
      document.documentElement.replaceChild(document.createElement('body'), old);
      const p = document.createElement('p');
      p.textContent = 'Vladimir Putin arrived in Ankara.';
      old.append(p);
    });
    // Answered by the first stage alone, or by an app it loaded once that app's pass is done.
    expect(await driver.callTab(page, 'tab.state', {})).toMatchObject({ ok: true, value: { marks: 0 } });
    expect(await passes(page)).toBe(1);
    await page.close();
  }, 90_000);

  it('marks a name the page adds later', async () => {
    const page = await openQuiet(3);
    expect(await ourElements(page)).toBe(0);
    await pageAddsName(page, 'main');
    await page.waitForSelector('bs-mark[data-entry-id="vladimir-putin"]', { state: 'attached', timeout: 20_000 });
    await page.close();
  }, 90_000);

  /** When the first stage's pass began (after its wait), and when the page's load began, on the page's clock. */
  function passAndLoad(page: DriverPage): Promise<{ pass: number; load: number }> {
    return page.evaluate(() => ({
      pass: performance.getEntriesByName('backstory:annotate')[0]!.startTime,
      load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart,
    }));
  }

  it('reads a page once it has loaded, so as not to compete with its loading, and reads one whose load takes long before it ends', async () => {
    const page = await driver.open(driver.server.url('/quiet/slow.html'));
    await looked(page);
    const slow = await passAndLoad(page);
    expect(slow.pass).toBeGreaterThanOrEqual(slow.load);
    await page.close();
    const slower = await driver.open(driver.server.url('/quiet/slower.html'));
    await looked(slower);
    const late = await passAndLoad(slower);
    expect(late.pass).toBeLessThan(late.load);
    await slower.close();
  }, 90_000);

  it('marks a page with names, and the page sees no resource of ours being loaded', async () => {
    const page = await driver.open(driver.server.url('/quiet/names.html'));
    await page.waitForSelector('bs-mark[data-entry-id="vladimir-putin"]', { state: 'attached', timeout: 20_000 });
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(resources.filter((name) => !name.startsWith('http'))).toEqual([]);
    expect(resources.filter((name) => name.includes('content-app'))).toEqual([]);
    await page.close();
  }, 90_000);

  it('keeps its web-accessible files from a page that knows the extension', async () => {
    const page = await driver.open(driver.server.url('/quiet/names.html'));
    // The app loaded: the content script reaches the files at the address the browser gave it.
    await page.waitForSelector('bs-mark[data-entry-id="vladimir-putin"]', { state: 'attached', timeout: 20_000 });
    // What a page can know: Chromium's published id; Firefox's add-on id (its address is drawn for each install).
    const published = browserName === 'chromium' ? driver.extensionOrigin : 'moz-extension://backstory@backstory.invalid/';
    const reached = await page.evaluate(
      (origin) => Promise.all(['content-app.js', 'private.html'].map((file) => fetch(origin + file).then((response) => response.ok, () => false))),
      published,
    );
    expect(reached).toEqual([false, false]);
    await page.close();
  }, 90_000);

  it.each(['sandboxed', 'no-scripts'])('loads the app on a page whose policy is strict (%s)', async (name) => {
    const page = await driver.open(driver.server.url(`/quiet/${name}.html`));
    await page.waitForSelector('bs-mark[data-entry-id="vladimir-putin"]', { state: 'attached', timeout: 20_000 });
    await page.close();
  }, 90_000);
});
