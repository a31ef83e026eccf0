/**
 * Issue 4: the catalog's actors and events are highlighted on any page, in one
 * pass, safely — on the demo site, on a fixture full of traps, and on pages
 * that change after load. Written once against the driver and run in every
 * browser (issue 8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';

/** Before the content script runs (it starts at document_idle), remember the page's DOM as served. */
const REMEMBER_SERVED = `document.addEventListener('DOMContentLoaded', () => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n = 0;
  while (walker.nextNode()) n++;
  window.__served = { html: document.body.innerHTML, textNodes: n };
});`;

const LATE_PAGE = `<!doctype html><title>Late</title><body><p>Nothing to see yet.</p><script>
  setTimeout(() => {
    const p = document.createElement('p');
    p.id = 'late';
    p.textContent = 'Later that day, Recep Tayyip Erdogan called Vladimir Putin.';
    document.body.append(p);
  }, 800);
</script></body>`;

const TICKER_PAGE = `<!doctype html><title>Ticker</title><body><p>Live:</p><div id="ticker">starting</div><script>
  let tick = 0;
  const timer = setInterval(() => {
    document.getElementById('ticker').textContent = 'Update ' + (++tick) + ': Putin spoke in Moscow.';
    if (tick === 40) { clearInterval(timer); document.title = 'done'; }
  }, 50);
</script></body>`;

/**
 * The reader's selection is there before the first pass: an inline script makes
 * it while the page parses, and the content script starts at document_idle.
 * It ends right after a name, where wrapping the name would move its end.
 */
const SELECTED_PAGE = `<!doctype html><title>Selected</title><body><p id="chosen">Rebel columns reached the outskirts of Aleppo within days.</p>
<p id="other">Vladimir Putin spoke in Moscow.</p><script>
  const text = document.getElementById('chosen').firstChild;
  const range = document.createRange();
  range.setStart(text, text.data.indexOf('reached'));
  range.setEnd(text, text.data.indexOf(' within'));
  getSelection().addRange(range);
</script></body>`;

/** A page that leaves as soon as the first pass is measured: well within the report's 250 ms delay. */
const LEAVING_PAGE = `<!doctype html><title>Leaving</title><body><p>Vladimir Putin met Recep Tayyip Erdogan in Moscow.</p><script>
  new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => e.name === 'backstory:annotate')) location.href = '/late.html';
  }).observe({ type: 'measure' });
</script></body>`;

interface MarkInfo {
  id: string | null;
  text: string;
  mention: string | null;
  group: string | null;
  type: string | null;
  cls: string;
}

/** How many annotation passes the page has run (User Timing measures are shared with the page). */
function passes(page: DriverPage): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('backstory:annotate').length);
}

async function waitForFirstPass(page: DriverPage): Promise<void> {
  await expect.poll(() => passes(page), { timeout: 15_000 }).toBeGreaterThan(0);
}

function marksIn(page: DriverPage, selector = 'body'): Promise<MarkInfo[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(`${sel} bs-mark`)].map((m) => ({
        id: m.getAttribute('data-entry-id'),
        text: m.textContent ?? '',
        mention: m.getAttribute('data-mention'),
        group: m.getAttribute('data-group'),
        type: m.getAttribute('data-entry-type'),
        cls: m.className,
      })),
    selector,
  );
}

/** The page's text as a reader and a script see it: innerText, text-node count, markup. */
function textSignature(page: DriverPage): Promise<{ innerText: string; textNodes: number; html: string }> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    while (walker.nextNode()) n++;
    return { innerText: document.body.innerText, textNodes: n, html: document.body.innerHTML };
  });
}

describe.each(BROWSERS)('highlighting, end to end, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    // Written for every mention marked; the default density is tested in density.test.ts.
    expect((await driver.call('settings.update', { patch: { density: 'all' } })).ok).toBe(true);
    await driver.addInitScript(REMEMBER_SERVED);
    driver.server.route('/late.html', LATE_PAGE);
    driver.server.route('/ticker.html', TICKER_PAGE);
    driver.server.route('/leaving.html', LEAVING_PAGE);
    driver.server.route('/selected.html', SELECTED_PAGE);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('highlights the demo article with the catalog ids', async () => {
    const page = await driver.open(driver.server.url('/demo/2025-10-sharaa-overture-to-putin.html'));
    await waitForFirstPass(page);
    const marks = await marksIn(page, 'article');
    const byText = (text: string) => marks.filter((m) => m.text === text);
    expect(byText('Vladimir Putin').map((m) => m.id)).toContain('vladimir-putin');
    expect(byText('Vladimir Putin')[0]).toMatchObject({ group: 'person', type: 'person', cls: 'bs-mark bs-mark--person' });
    expect(byText('Moscow')[0]).toMatchObject({ id: 'moscow', group: 'place' });
    expect(byText('Russia')[0]).toMatchObject({ id: 'russia', group: 'state' });
    expect(marks.some((m) => m.id === 'ahmed-al-sharaa')).toBe(true);
    // The background matched the text the app walked: the first stage's answer, which the app takes when it walks the same text.
    const walked = await page.evaluate(() => ((performance.getEntriesByName('backstory:annotate')[0] as PerformanceMeasure).detail as { textLength: number }).textLength);
    expect(walked).toBeGreaterThan(1000);
    // One stylesheet, ours, in the head.
    expect(await page.evaluate(() => document.querySelectorAll('head style[data-backstory-ui]').length)).toBe(1);
    // The popup's numbers come from the content script's state.
    const reply = await driver.callTab(page, 'tab.state', {});
    expect(reply.ok).toBe(true);
    const state = reply.ok ? reply.value : undefined;
    expect(state?.active).toBe(true);
    expect(state?.marks).toBe(new Set(marks.map((m) => m.mention)).size);
    expect(state?.counts['vladimir-putin']).toBeGreaterThan(1);
    await page.close();
  });

  it('avoids the traps: Hamas, Putinism, editors and form fields; joins names split by markup', async () => {
    const page = await driver.open(driver.server.url('/fixtures/highlight-traps.html'));
    await waitForFirstPass(page);
    expect(await marksIn(page, '#hamas')).toEqual([]);
    expect((await marksIn(page, '#hama')).map((m) => m.id)).toEqual(['hama']);
    expect(await marksIn(page, '#putinism')).toEqual([]);

    const split = await marksIn(page, '#split');
    expect(split.map((m) => [m.text, m.id])).toEqual([
      ['Bashar ', 'bashar-al-assad'],
      ['al-Assad', 'bashar-al-assad'],
      ['Moscow', 'moscow'],
    ]);
    expect(split[0]!.mention).toBe(split[1]!.mention);
    const link = await marksIn(page, '#link');
    expect(link.map((m) => m.id)).toEqual(['vladimir-putin', 'vladimir-putin']);
    expect(link[0]!.mention).toBe(link[1]!.mention);

    expect((await marksIn(page, '#possessive')).map((m) => [m.text, m.id])).toEqual([
      ['Putin', 'vladimir-putin'],
      ['Russia', 'russia'],
    ]);
    for (const id of ['#editable', '#pre', '#hidden', '#aria', '#display-none']) expect(await marksIn(page, id)).toEqual([]);
    expect(await page.evaluate(() => [(document.querySelector('#textarea') as HTMLTextAreaElement).value, (document.querySelector('#input') as HTMLInputElement).value])).toEqual([
      'Putin in a textarea',
      'Putin in an input',
    ]);
    expect(await page.evaluate(() => document.querySelector('#editable')!.innerHTML)).toBe('Putin in a rich-text editor');
    await page.close();
  });

  it('highlights content added after load', async () => {
    const page = await driver.open(driver.server.url('/late.html'));
    await expect.poll(() => marksIn(page, '#late').then((m) => m.map((x) => x.id)), { timeout: 15_000 }).toEqual(['recep-tayyip-erdogan', 'vladimir-putin']);
    await page.close();
  });

  it('a page that mutates continuously does not make the annotator rerun on its own marks', async () => {
    const page = await driver.open(driver.server.url('/ticker.html'));
    await expect.poll(() => page.title(), { timeout: 15_000 }).toBe('done');
    // The last update gets annotated...
    await expect.poll(() => marksIn(page, '#ticker').then((m) => m.map((x) => x.id)), { timeout: 15_000 }).toEqual(['vladimir-putin', 'moscow']);
    const settled = await passes(page);
    // ...by far fewer passes than updates (coalesced), and drawing marks triggers none.
    expect(settled).toBeGreaterThan(0);
    expect(settled).toBeLessThan(40);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await passes(page)).toBe(settled);
    expect(await page.evaluate(() => document.getElementById('ticker')!.textContent)).toBe('Update 40: Putin spoke in Moscow.');
    await page.close();
  });

  it("leaves the reader's selection as it is, and marks the names under its ends once it is gone", async () => {
    const page = await driver.open(driver.server.url('/selected.html'));
    await waitForFirstPass(page);
    // The pass marked the rest of the page, but not the text node holding the selection's ends.
    expect((await marksIn(page, '#other')).map((m) => m.id)).toEqual(['vladimir-putin', 'moscow']);
    expect(await page.evaluate(() => getSelection()!.toString())).toBe('reached the outskirts of Aleppo');
    expect(await marksIn(page, '#chosen')).toEqual([]);

    await page.evaluate(() => getSelection()!.collapseToEnd());
    await expect.poll(() => marksIn(page, '#chosen').then((m) => m.map((x) => [x.text, x.id]))).toEqual([['Aleppo', 'aleppo']]);
    const reply = await driver.callTab(page, 'tab.state', {});
    expect(reply.ok && reply.value.counts).toEqual({ aleppo: 1, 'vladimir-putin': 1, moscow: 1 });
    expect(reply.ok && reply.value.marks).toBe(3);
    await page.close();
  });

  it('turning off restores the page exactly, turning on highlights again, without reload', async () => {
    const page = await driver.open(driver.server.url('/fixtures/highlight-traps.html'));
    await waitForFirstPass(page);
    const marked = await textSignature(page);
    const count = (await marksIn(page)).length;
    expect(count).toBeGreaterThan(5);
    const served = await page.evaluate(() => (window as unknown as { __served?: { html: string; textNodes: number } }).__served);
    expect(served?.html).toContain('Traps for the highlighter');
    expect(served?.html).not.toContain('<bs-mark');

    expect((await driver.call('settings.update', { patch: { enabled: false } })).ok).toBe(true);
    await expect.poll(() => marksIn(page).then((m) => m.length), { timeout: 10_000 }).toBe(0);
    const off = await textSignature(page);
    expect(off.innerText).toBe(marked.innerText);
    expect(off.html).toBe(served!.html);
    expect(off.textNodes).toBe(served!.textNodes);
    expect(await page.evaluate(() => document.querySelectorAll('style[data-backstory-ui]').length)).toBe(0);

    expect((await driver.call('settings.update', { patch: { enabled: true } })).ok).toBe(true);
    await expect.poll(() => marksIn(page).then((m) => m.length), { timeout: 10_000 }).toBe(count);

    // Per-site off, then on again.
    expect((await driver.call('settings.toggleSite', { site: '127.0.0.1', enabled: false })).ok).toBe(true);
    await expect.poll(() => marksIn(page).then((m) => m.length), { timeout: 10_000 }).toBe(0);
    expect((await textSignature(page)).html).toBe(served!.html);
    expect((await driver.call('settings.toggleSite', { site: '127.0.0.1', enabled: true })).ok).toBe(true);
    await expect.poll(() => marksIn(page).then((m) => m.length), { timeout: 10_000 }).toBe(count);

    // Hiding a type group applies at once.
    expect((await driver.call('settings.update', { patch: { types: { place: false } } })).ok).toBe(true);
    await expect.poll(() => marksIn(page).then((m) => m.filter((x) => x.group === 'place').length), { timeout: 10_000 }).toBe(0);
    expect((await marksIn(page)).some((m) => m.group === 'person')).toBe(true);
    expect((await driver.call('settings.update', { patch: { types: { place: true } } })).ok).toBe(true);
    await expect.poll(() => marksIn(page).then((m) => m.length), { timeout: 10_000 }).toBe(count);
    await page.close();
  });

  it('reveals an entry and moves focus to the next mention on request', async () => {
    const page = await driver.open(driver.server.url('/fixtures/highlight-traps.html'));
    await waitForFirstPass(page);
    expect(await driver.callTab(page, 'tab.revealEntry', { entryId: 'moscow' })).toEqual({ ok: true, value: true });
    expect(await page.evaluate(() => document.querySelector('bs-mark[data-entry-id="moscow"]')!.classList.contains('bs-mark--flash'))).toBe(true);
    expect(await driver.callTab(page, 'tab.revealEntry', { entryId: 'no-such-entry' })).toEqual({ ok: true, value: false });

    expect(await driver.callTab(page, 'tab.focusNextMention', {})).toEqual({ ok: true, value: true });
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-mention') ?? null);
    expect(first).not.toBeNull();
    expect(await driver.callTab(page, 'tab.focusNextMention', {})).toEqual({ ok: true, value: true });
    const second = await page.evaluate(() => ({ mention: document.activeElement?.getAttribute('data-mention'), tag: document.activeElement?.tagName }));
    expect(second.tag).toBe('BS-MARK');
    expect(Number(second.mention)).toBeGreaterThan(Number(first));
    await page.close();
  });

  it('reports a page the reader leaves right after its first pass', async () => {
    const url = driver.server.url('/leaving.html');
    const page = await driver.open(url);
    await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(driver.server.url('/late.html'));
    await expect
      .poll(async () => {
        const reply = await driver.call('page.summary', { url });
        return reply.ok && reply.value ? Object.keys(reply.value.counts).sort() : [];
      }, { timeout: 10_000 })
      .toEqual(['moscow', 'recep-tayyip-erdogan', 'vladimir-putin']);
    await page.close();
  });

  it('reports the page to the background and raised no page errors', async () => {
    const page = await driver.open(driver.server.url('/fixtures/highlight-traps.html'));
    await waitForFirstPass(page);
    const url = await page.url();
    await expect
      .poll(async () => {
        const reply = await driver.call('page.summary', { url });
        return (reply.ok && reply.value?.marks) || 0;
      }, { timeout: 10_000 })
      .toBeGreaterThan(5);
    await page.close();
    expect(driver.pageErrors).toEqual([]);
  });
});
