/**
 * Issue 7, the options page: the explorer, the timeline (ordered, filterable
 * by actor, zoomable), search across entries, passages and saved highlights,
 * the reader at a passage with working cards, settings that reach open tabs,
 * and no serious accessibility violations on any view. Written once against
 * the driver and run in every browser (issue 8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';
import type { CallName, ParamsOf, ResultOf } from '../../../src/shared/protocol';
import { ROOT } from '../server';
import { saveScreenshot } from '../screenshots';

const DOC = '2025-10-sharaa-overture-to-putin';
const EVENTS = '[data-testid=timeline] a.tl-event';

describe.each(BROWSERS)('options page, in %s', (browserName) => {
  let driver: ExtensionDriver;
  let options: DriverPage;
  let axeSource: string;

  beforeAll(async () => {
    axeSource = await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    driver = await launchDriver(browserName);
    options = await driver.openExtensionPage('options.html', '#explorer');
  });
  afterAll(async () => {
    await driver?.close();
  });

  async function callBackground<K extends CallName>(call: K, params: ParamsOf<K>): Promise<ResultOf<K>> {
    const result = await driver.call(call, params);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  }

  /**
   * Shows a view of the options page, in front: the driver's extension page for
   * calls may have become the active tab, and a background tab does not paint.
   */
  async function go(hash: string): Promise<void> {
    await options.bringToFront();
    await options.evaluate((h) => (location.hash = h), hash);
  }

  /** Saves the docs' screenshot of the options page as it is now (Chromium only: the docs show the Chrome build). */
  async function screenshot(name: string): Promise<void> {
    const png = await options.screenshot();
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await saveScreenshot(png, `options-${name.replace(/\.png$/, '')}`, browserName, name);
  }

  /** Serious or critical axe violations of the page as it is now. */
  async function seriousViolations(page: DriverPage): Promise<string[]> {
    // The extension CSP forbids inline script tags; the driver adds the source past it.
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScript(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return (await axe.run({ resultTypes: ['violations'] })).violations;
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  /** The attribute `name` of every element matching `selector` now. */
  function attributesOf(page: DriverPage, selector: string, name: string): Promise<string[]> {
    return page.evaluateAll(selector, (elements, attr) => elements.map((e) => e.getAttribute(attr)!), name);
  }

  it('the explorer lists every entry by group and opens an entry page with all its passages', async () => {
    const status = await callBackground('app.status', {});
    await options.bringToFront();
    await options.waitForSelector('.entry-grid li');
    expect(await options.count('.entry-grid li[data-entry-id]')).toBe(status.entries);
    await screenshot('explorer.png');
    expect(await seriousViolations(options)).toEqual([]);

    await options.click('.entry-grid li[data-entry-id=vladimir-putin] a');
    await options.waitForSelector('.bs-card[data-entry-id=vladimir-putin]');
    const page = await callBackground('corpus.entryPage', { id: 'vladimir-putin' });
    await expect.poll(() => options.count('ol.passages li')).toBe(page.passages.length);
    expect(await seriousViolations(options)).toEqual([]);
  });

  it('the timeline shows every dated event in order, filters by actor, and zooms', async () => {
    const items = await callBackground('corpus.timeline', {});
    const graph = await callBackground('corpus.graph', {});
    await go('#timeline');
    await options.waitForSelector(EVENTS);
    const starts = await attributesOf(options, EVENTS, 'data-start');
    expect(starts.length).toBe(items.length);
    expect(starts).toEqual(items.map((i) => i.start));
    expect([...starts].sort()).toEqual(starts);
    await screenshot('timeline.png');
    expect(await seriousViolations(options)).toEqual([]);

    await options.selectOption('[data-testid=actor-filter]', 'vladimir-putin');
    await expect.poll(() => options.count(EVENTS)).toBeLessThan(items.length);
    const shown = await attributesOf(options, EVENTS, 'data-entry-id');
    expect(shown.length).toBeGreaterThan(0);
    const linked = (id: string) => graph.edges.some((e) => (e.from === id && e.to === 'vladimir-putin') || (e.to === id && e.from === 'vladimir-putin'));
    expect(shown.filter((id) => !linked(id))).toEqual([]);

    // Zoom by keyboard: the SVG gets wider, and back.
    const width = () => options.evaluateOn('[data-testid=timeline]', (svg) => svg.getBoundingClientRect().width);
    const before = await width();
    await options.focus('.timeline-scroller');
    await options.press('+');
    await expect.poll(() => options.getAttribute('[data-testid=zoom-level]', 'data-zoom')).toBe('year');
    expect(await width()).toBeGreaterThan(before * 5);
    await options.click('[data-testid=zoom-out]');
    await expect.poll(width).toBeLessThan(before * 2);
  });

  /** Where the reader's card popover sits against the name that opened it (the first match of `name`). */
  function popoverPlacement(name: string): Promise<{ side: string; atStart: boolean; inside: boolean }> {
    return options.evaluate((selector) => {
      const anchor = document.querySelector(selector)!.getBoundingClientRect();
      const card = document.querySelector('[data-testid=card-popover]')!.getBoundingClientRect();
      const near = (a: number, b: number) => Math.abs(a - b) <= 1;
      const side = near(card.top, anchor.bottom + 6) ? 'below' : near(card.bottom, anchor.top - 6) ? 'above' : `${card.top} against ${anchor.top}–${anchor.bottom}`;
      const width = document.documentElement.clientWidth;
      // At the name's start, unless that would cross the window's 8 px margin.
      const atStart = near(card.left, anchor.left) || near(card.right, width - 8);
      return { side, atStart, inside: card.left >= 7 && card.right <= width - 7 };
    }, name);
  }

  it('the reader opens at a passage, marks its names, and a name opens its card', async () => {
    const doc = await callBackground('corpus.document', { id: DOC });
    const passage = doc.passages[Math.floor(doc.passages.length / 2)]!.id;
    await go(`#reader/${DOC}/${encodeURIComponent(passage)}`);
    await options.waitForSelector('.passage--target');
    expect(await options.getAttribute('.passage--target', 'data-passage-id')).toBe(passage);
    await expect
      .poll(() =>
        options.evaluateOn('.passage--target', (el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }),
      )
      .toBe(true);
    const mark = '.reader-mark[data-entry-id]';
    await options.waitForSelector(mark);
    const id = await options.getAttribute(mark, 'data-entry-id');
    await options.click(mark);
    await options.waitForSelector(`[data-testid=card-popover] .bs-card[data-entry-id="${id}"]`);
    expect(await seriousViolations(options)).toEqual([]);
    // Below the name, 6 px away, at its start, inside the window (the page side's placement rules).
    await expect.poll(() => popoverPlacement(mark)).toEqual({ side: 'below', atStart: true, inside: true });
    await options.press('Escape');
    await expect.poll(() => options.count('[data-testid=card-popover]')).toBe(0);

    // A name at the foot of the window gets its card above it, never over it: the
    // article's last marked passage, so there is text above to scroll it down by.
    const last = await options.evaluate(() => [...document.querySelectorAll('.reader-mark[data-entry-id]')].at(-1)!.closest('[data-passage-id]')!.getAttribute('data-passage-id')!);
    const lastMark = `[data-passage-id="${last}"] .reader-mark[data-entry-id]`;
    const lastId = await options.getAttribute(lastMark, 'data-entry-id');
    await options.evaluateOn(lastMark, (el) => el.scrollIntoView({ block: 'end' }));
    await options.click(lastMark);
    await options.waitForSelector(`[data-testid=card-popover] .bs-card[data-entry-id="${lastId}"]`);
    await expect.poll(() => popoverPlacement(lastMark)).toEqual({ side: 'above', atStart: true, inside: true });
    await options.press('Escape');
    await expect.poll(() => options.count('[data-testid=card-popover]')).toBe(0);
  });

  it('search finds an entry, a passage and a saved highlight', async () => {
    const article = await driver.open(driver.server.url(`/demo/${DOC}.html`));
    await article.waitForSelector('bs-mark', { state: 'attached', timeout: 20_000 });
    // Save a highlight the way a reader does: select text, then the save command.
    const quote = await article.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => (el.textContent ?? '').length > 120)!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString().trim();
    });
    const saved = await driver.callTab(article, 'tab.saveSelection', {});
    expect(saved).toEqual({ ok: true, value: true });
    await expect.poll(async () => (await callBackground('highlights.list', {})).total).toBe(1);

    await go('#search?q=Erdogan');
    await options.waitForSelector('[data-testid=search-results] .hit[data-kind=entry][data-entry-id=recep-tayyip-erdogan]');
    expect(await seriousViolations(options)).toEqual([]);

    const phrase = quote.split(/\s+/).slice(2, 7).join(' ');
    expect(await options.evaluate(() => document.querySelector('label[for=search-q]')?.textContent?.trim())).toBe('Search people, events, passages and your highlights');
    await options.fill('#search-q', phrase);
    await options.waitForSelector('[data-testid=search-results] .hit[data-kind=highlight]');
    expect(await options.count('[data-testid=search-results] .hit[data-kind=passage]')).toBeGreaterThan(0);
    expect(await options.count('[data-testid=search-results] .hit[data-kind=highlight] mark')).toBeGreaterThan(0);
    await article.close();
  });

  it('settings changes take effect on open tabs', async () => {
    const article = await driver.open(driver.server.url(`/demo/${DOC}.html`));
    await article.waitForSelector('bs-mark[data-group=person]', { state: 'attached', timeout: 20_000 });
    const people = await article.count('bs-mark[data-group=person]');
    await go('#settings');
    const person = '[data-testid=setting-type-person]';
    await options.waitForSelector(person);
    expect(await seriousViolations(options)).toEqual([]);
    expect(await options.isChecked(person)).toBe(true);
    await options.check(person, false);
    // A change of what is marked annotates the page again, the old marks staying until the
    // new ones replace them: wait for that pass.
    const marked = async () => ({ people: await article.count('bs-mark[data-group=person]'), states: (await article.count('bs-mark[data-group=state]')) > 0 });
    await expect.poll(marked, { timeout: 15_000 }).toEqual({ people: 0, states: true });
    await options.check(person, true);
    await expect.poll(() => article.count('bs-mark[data-group=person]'), { timeout: 15_000 }).toBe(people);
    await article.close();
  });

  it('the other views have no serious accessibility violations', async () => {
    for (const view of ['#relations', '#highlights', '#data', '#reader']) {
      await go(view);
      await options.waitForSelector('main h1');
      await options.waitForFunction(() => !document.querySelector('main .loading'));
      expect(await seriousViolations(options), view).toEqual([]);
    }
    await go('#relations');
    await options.waitForSelector('[data-testid=relations-matrix]');
    expect(await options.count('[data-testid=relations-matrix] button.cell')).toBeGreaterThan(0);
  });

  it('threw no uncaught errors', () => {
    expect(driver.pageErrors).toEqual([]);
  });
});
