/**
 * Issue 7, the options page: the explorer, the timeline (ordered, filterable
 * by actor, zoomable), search across entries, passages and saved highlights,
 * the reader at a passage with working cards, settings that reach open tabs,
 * and no serious accessibility violations on any view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchExtension, type ExtensionSession } from './harness';
import { ROOT } from './server';

const DOC = '2025-10-sharaa-overture-to-putin';
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
let session: ExtensionSession;
let options: Page;
let axeSource: string;

async function callBackground<T>(call: string, params: unknown): Promise<T> {
  const result = await options.evaluate(([c, p]) => chrome.runtime.sendMessage({ backstory: 1, call: c, params: p }), [call, params] as const);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

async function go(hash: string): Promise<void> {
  await options.evaluate((h) => (location.hash = h), hash);
}

/** Serious or critical axe violations of the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  // The extension CSP forbids inline script tags; evaluating the source works.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  axeSource = await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  session = await launchExtension();
  options = await session.openExtensionPage('options.html', '#explorer');
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await session?.close();
});

describe('options page', () => {
  it('the explorer lists every entry by group and opens an entry page with all its passages', async () => {
    const status = await callBackground<{ entries: number }>('app.status', {});
    await options.locator('.entry-grid li').first().waitFor();
    expect(await options.locator('.entry-grid li[data-entry-id]').count()).toBe(status.entries);
    await options.screenshot({ path: path.join(SHOTS, 'explorer.png') });
    expect(await seriousViolations(options)).toEqual([]);

    await options.locator('.entry-grid li[data-entry-id=vladimir-putin] a').click();
    await options.locator('.bs-card[data-entry-id=vladimir-putin]').waitFor();
    const page = await callBackground<{ passages: unknown[] }>('corpus.entryPage', { id: 'vladimir-putin' });
    expect(await options.locator('ol.passages li').count()).toBe(page.passages.length);
    expect(await seriousViolations(options)).toEqual([]);
  });

  it('the timeline shows every dated event in order, filters by actor, and zooms', async () => {
    const items = await callBackground<{ id: string; start: string }[]>('corpus.timeline', {});
    const graph = await callBackground<{ edges: { from: string; to: string }[] }>('corpus.graph', {});
    await go('#timeline');
    const events = options.locator('[data-testid=timeline] a.tl-event');
    await events.first().waitFor();
    const starts = await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-start')!));
    expect(starts.length).toBe(items.length);
    expect(starts).toEqual(items.map((i) => i.start));
    expect([...starts].sort()).toEqual(starts);
    await options.screenshot({ path: path.join(SHOTS, 'timeline.png') });
    expect(await seriousViolations(options)).toEqual([]);

    await options.getByTestId('actor-filter').selectOption('vladimir-putin');
    await expect.poll(() => events.count()).toBeLessThan(items.length);
    const shown = await events.evaluateAll((els) => els.map((e) => e.getAttribute('data-entry-id')!));
    expect(shown.length).toBeGreaterThan(0);
    const linked = (id: string) => graph.edges.some((e) => (e.from === id && e.to === 'vladimir-putin') || (e.to === id && e.from === 'vladimir-putin'));
    expect(shown.filter((id) => !linked(id))).toEqual([]);

    // Zoom by keyboard: the SVG gets wider, and back.
    const width = () => options.locator('[data-testid=timeline]').evaluate((svg) => svg.getBoundingClientRect().width);
    const before = await width();
    await options.locator('.timeline-scroller').focus();
    await options.keyboard.press('+');
    await expect.poll(() => options.getByTestId('zoom-level').getAttribute('data-zoom')).toBe('year');
    expect(await width()).toBeGreaterThan(before * 5);
    await options.getByTestId('zoom-out').click();
    await expect.poll(width).toBeLessThan(before * 2);
  });

  it('the reader opens at a passage, marks its names, and a name opens its card', async () => {
    const doc = await callBackground<{ passages: { id: string }[] }>('corpus.document', { id: DOC });
    const passage = doc.passages[Math.floor(doc.passages.length / 2)]!.id;
    await go(`#reader/${DOC}/${encodeURIComponent(passage)}`);
    const target = options.locator('.passage--target');
    await target.waitFor();
    expect(await target.getAttribute('data-passage-id')).toBe(passage);
    await expect.poll(() => target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    const mark = options.locator('.reader-mark[data-entry-id]').first();
    await mark.waitFor();
    const id = await mark.getAttribute('data-entry-id');
    await mark.click();
    await options.locator(`[data-testid=card-popover] .bs-card[data-entry-id="${id}"]`).waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await options.keyboard.press('Escape');
    await expect.poll(() => options.getByTestId('card-popover').count()).toBe(0);
  });

  it('search finds an entry, a passage and a saved highlight', async () => {
    const article = await session.open(session.server.url(`/demo/${DOC}.html`));
    await article.locator('bs-mark').first().waitFor({ state: 'attached', timeout: 20_000 });
    // Save a highlight the way a reader does: select text, then the save command.
    const quote = await article.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => (el.textContent ?? '').length > 120)!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString().trim();
    });
    const tabId = await session.tabIdOf(article);
    const saved = await options.evaluate((t) => chrome.tabs.sendMessage(t, { backstory: 1, call: 'tab.saveSelection', params: {} }), tabId);
    expect(saved).toEqual({ ok: true, value: true });
    await expect.poll(async () => (await callBackground<{ total: number }>('highlights.list', {})).total).toBe(1);

    await go('#search?q=Erdogan');
    await options.locator('[data-testid=search-results] .hit[data-kind=entry][data-entry-id=recep-tayyip-erdogan]').waitFor();
    expect(await seriousViolations(options)).toEqual([]);

    const phrase = quote.split(/\s+/).slice(2, 7).join(' ');
    await options.getByLabel('Search people, events, passages and your highlights').fill(phrase);
    await options.locator('[data-testid=search-results] .hit[data-kind=highlight]').waitFor();
    expect(await options.locator('[data-testid=search-results] .hit[data-kind=passage]').count()).toBeGreaterThan(0);
    expect(await options.locator('[data-testid=search-results] .hit[data-kind=highlight] mark').count()).toBeGreaterThan(0);
    await article.close();
  });

  it('settings changes take effect on open tabs', async () => {
    const article = await session.open(session.server.url(`/demo/${DOC}.html`));
    await article.locator('bs-mark[data-group=person]').first().waitFor({ state: 'attached', timeout: 20_000 });
    const people = await article.locator('bs-mark[data-group=person]').count();
    await go('#settings');
    const person = options.getByTestId('setting-type-person');
    await person.waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await person.uncheck();
    await expect.poll(() => article.locator('bs-mark[data-group=person]').count()).toBe(0);
    expect(await article.locator('bs-mark[data-group=state]').count()).toBeGreaterThan(0);
    await person.check();
    await expect.poll(() => article.locator('bs-mark[data-group=person]').count(), { timeout: 15_000 }).toBe(people);
    await article.close();
  });

  it('the other views have no serious accessibility violations', async () => {
    for (const view of ['#relations', '#highlights', '#data', '#reader']) {
      await go(view);
      await options.locator('main h1').waitFor();
      await options.waitForFunction(() => !document.querySelector('main .loading'));
      expect(await seriousViolations(options), view).toEqual([]);
    }
    await go('#relations');
    expect(await options.getByTestId('relations-matrix').locator('button.cell').count()).toBeGreaterThan(0);
  });

  it('threw no uncaught errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> }; tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } };
