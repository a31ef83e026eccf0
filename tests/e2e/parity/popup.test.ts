/**
 * Issue 7, the toolbar popup, in every browser (issue 8): opened as a page
 * bound to a demo article's tab, it lists the names the page marks with the
 * same counts, reveals one on the page, turns the site off and on without a
 * reload, says when the page hit the mark cap (issue 4), searches, and explains
 * itself on pages Backstory cannot run on; it shows the page first, and each
 * type group has the same colour on the page, in the popup, the Settings
 * legend and the timeline (issue 16).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';
import { saveScreenshot } from '../screenshots';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../server';
import { TYPE_COLOURS } from '../../../src/components/type-colours';
import { TYPE_GROUPS, type TypeGroup } from '../../../src/shared/catalog';

const DOC = '2025-10-sharaa-overture-to-putin';
const ENTRY_BUTTONS = '[data-testid=page-entries] button[data-entry-id]';

/** Mentions per entry id as the page draws them (a name split across elements counts once). */
function pageCounts(page: DriverPage): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const mentions = new Map<string, Set<string>>();
    document.querySelectorAll('bs-mark').forEach((m, i) => {
      const id = m.getAttribute('data-entry-id')!;
      const set = mentions.get(id) ?? new Set();
      set.add(m.getAttribute('data-mention') ?? `piece-${i}`);
      mentions.set(id, set);
    });
    return Object.fromEntries([...mentions].map(([id, set]) => [id, set.size]));
  });
}

function popupCounts(popup: DriverPage): Promise<Record<string, number>> {
  return popup.evaluateAll(ENTRY_BUTTONS, (buttons) => Object.fromEntries(buttons.map((b) => [b.getAttribute('data-entry-id')!, Number(b.getAttribute('data-count'))])));
}

/** `#rrggbb` as the `rgb(r, g, b)` a computed style reports. */
function cssRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** For each group, the computed `property` of the first element `selectorOf(group)` matches (absent groups left out). */
function coloursOf(page: DriverPage, selectorOf: (group: TypeGroup) => string, property: string): Promise<Partial<Record<TypeGroup, string>>> {
  const selectors = Object.fromEntries(TYPE_GROUPS.map((g) => [g, selectorOf(g)]));
  return page.evaluate(
    ({ selectors, property }) => {
      const found: Record<string, string> = {};
      for (const [group, selector] of Object.entries(selectors)) {
        const el = document.querySelector(selector);
        if (el) found[group] = getComputedStyle(el).getPropertyValue(property);
      }
      return found;
    },
    { selectors, property },
  );
}

describe.each(BROWSERS)('popup, in %s', (browserName) => {
  let driver: ExtensionDriver;
  let article: DriverPage;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    // Written for every mention marked; the default density is tested in density.test.ts.
    expect((await driver.call('settings.update', { patch: { density: 'all' } })).ok).toBe(true);
    article = await driver.open(driver.server.url(`/demo/${DOC}.html`));
    await article.waitForFunction(() => document.querySelectorAll('bs-mark').length > 10, undefined, { timeout: 20_000 });
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('lists the names on the page by group, with the counts the page marks, by name', async () => {
    const popup = await driver.openPopupFor(article);
    await popup.waitForSelector(ENTRY_BUTTONS);
    const expected = await pageCounts(article);
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    expect(await popupCounts(popup)).toEqual(expected);
    // Names, not ids.
    await expect.poll(() => popup.textContent('button[data-entry-id=vladimir-putin] .entry-row__name')).toBe('Vladimir Putin');
    expect(await popup.textContent('.entry-group[data-group=person] h3')).toContain('People');

    await popup.setViewport(380, 640);
    const png = await popup.screenshot();
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await saveScreenshot(png, 'popup', browserName, 'popup.png');
    await popup.close();
  });

  it('choosing a name scrolls the page to its first mention', async () => {
    const popup = await driver.openPopupFor(article);
    await popup.waitForSelector(ENTRY_BUTTONS);
    // The entry whose first mention is furthest down the page.
    const target = await article.evaluate(() => {
      let best = { id: '', top: -1 };
      const seen = new Set<string>();
      for (const m of document.querySelectorAll('bs-mark')) {
        const id = m.getAttribute('data-entry-id')!;
        if (seen.has(id)) continue;
        seen.add(id);
        const top = m.getBoundingClientRect().top + scrollY;
        if (top > best.top) best = { id, top };
      }
      scrollTo(0, 0);
      return best;
    });
    expect(target.top).toBeGreaterThan(1200);
    await popup.click(`button[data-entry-id="${target.id}"]`);
    await expect
      .poll(() =>
        article.evaluate((id) => {
          const first = document.querySelector(`bs-mark[data-entry-id="${id}"]`)!;
          const r = first.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight && scrollY > 0;
        }, target.id),
      )
      .toBe(true);
    await expect.poll(() => popup.textContents('[role=status]')).toContainEqual(expect.stringContaining('Showing'));
    await popup.close();
  });

  it('shows the page first: its names, its highlights and search fit the default popup without scrolling', async () => {
    const quote = 'Syria';
    // A saved highlight on the article, made as the reader makes one: select, then the keyboard command's tab call.
    await article.evaluate((word) => {
      const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes(word))!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, quote);
    expect((await driver.callTab(article, 'tab.saveSelection', {})).ok).toBe(true);
    await article.evaluate(() => getSelection()!.removeAllRanges());
    const popup = await driver.openPopupFor(article);
    await popup.setViewport(380, 600);
    await popup.waitForSelector('[data-testid=page-highlights] .highlight-row');
    await popup.waitForSelector(ENTRY_BUTTONS);
    const bottoms = await popup.evaluate(() => {
      const bottom = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().bottom ?? Infinity;
      return {
        names: bottom('[data-testid=page-entries] .entry-row'),
        highlights: bottom('[data-testid=page-highlights] .highlight-row'),
        search: bottom('#popup-q'),
        viewport: innerHeight,
      };
    });
    expect(bottoms.names).toBeLessThanOrEqual(bottoms.viewport);
    expect(bottoms.highlights).toBeLessThanOrEqual(bottoms.viewport);
    expect(bottoms.search).toBeLessThanOrEqual(bottoms.viewport);

    // The lists' scrolling boxes hold buttons, so a keyboard reaches what they hide; axe agrees.
    await popup.addScript(await readFile(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
    const violations = await popup.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
      return (await axe.run({ resultTypes: ['violations'] })).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await popup.close();
  });

  it('a jump to a name flashes its mark on the page', async () => {
    const popup = await driver.openPopupFor(article);
    await popup.waitForSelector(ENTRY_BUTTONS);
    const id = await popup.getAttribute(ENTRY_BUTTONS, 'data-entry-id');
    await popup.click(`button[data-entry-id="${id}"]`);
    await expect
      .poll(() => article.evaluate((entry) => [...document.querySelectorAll(`bs-mark[data-entry-id="${entry}"]`)].some((m) => getComputedStyle(m).animationName === 'bs-mark-flash'), id))
      .toBe(true);
    await popup.close();
  });

  it('one colour per type group (issue 16): marks, popup, legend and timeline agree', async () => {
    const marks = await coloursOf(article, (g) => `bs-mark.bs-mark--${g}`, 'border-bottom-color');
    // The demo article names people, groups, states, places and events.
    expect(Object.keys(marks).sort()).toEqual([...TYPE_GROUPS].sort());
    expect(marks).toEqual(Object.fromEntries(TYPE_GROUPS.map((g) => [g, cssRgb(TYPE_COLOURS[g].light)])));

    const popup = await driver.openPopupFor(article);
    await popup.waitForSelector('[data-testid=page-entries] .entry-group');
    const popupColours = await coloursOf(popup, (g) => `.entry-group[data-group=${g}] .swatch`, 'background-color');
    expect(popupColours).toEqual(marks);
    await popup.close();

    const options = await driver.openExtensionPage('options.html', '#settings');
    await options.waitForSelector('.legend-row .swatch');
    expect(await coloursOf(options, (g) => `.legend-row .swatch--${g}`, 'background-color')).toEqual(marks);

    await options.evaluate(() => (location.hash = '#timeline'));
    await options.waitForSelector('[data-testid=timeline] a.tl-event .tl-dot');
    const timeline = await coloursOf(options, (g) => `[data-testid=timeline] a.tl-event--${g} .tl-dot`, 'fill');
    expect(Object.keys(timeline).length).toBeGreaterThan(0);
    for (const [group, colour] of Object.entries(timeline)) expect(colour, group).toBe(marks[group as TypeGroup]);
    await options.close();
  }, 120_000);

  it('one colour per type group (issue 16): the card agrees with the marks', async () => {
    // A card's shadow root is open to tests only on pages that ask for it.
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="backstory-test-open-shadow"><title>Card colours</title></head>
<body><main><h1>Syria</h1><p>Former president Bashar al-Assad fled to Moscow in December 2024 and was granted asylum by Russia.</p></main></body></html>`;
    driver.server.route('/popup/card-colours.html', html);
    const page = await driver.open(driver.server.url('/popup/card-colours.html'));
    await page.waitForSelector('bs-mark[data-entry-id="bashar-al-assad"]', { state: 'attached', timeout: 20_000 });
    const marks = await coloursOf(page, (g) => `bs-mark.bs-mark--${g}`, 'border-bottom-color');
    for (const [group, colour] of Object.entries(marks)) expect(colour, group).toBe(cssRgb(TYPE_COLOURS[group as TypeGroup].light));
    await page.mouseMove(5, 5);
    await page.hover('bs-mark[data-entry-id="bashar-al-assad"]');
    const card = 'backstory-card-host >>> .bs-card[data-entry-id="bashar-al-assad"]';
    await page.waitForSelector(card);
    expect(await page.evaluateOn(`${card} .bs-card__type`, (el) => getComputedStyle(el).color)).toBe(cssRgb(TYPE_COLOURS.person.light));
    await page.click(`${card} [data-action="card-more"]`);
    // The related names in the card are underlined in their groups' colours.
    const related = await page.evaluateAll(`${card} .bs-card__entry`, (buttons) =>
      buttons.map((b) => [/bs-card__entry--(\w+)/.exec(b.className)?.[1] ?? '', getComputedStyle(b).borderBottomColor] as const),
    );
    const groups = new Set(related.map(([group]) => group));
    expect(groups.size).toBeGreaterThan(2);
    for (const [group, colour] of related) expect(colour, group).toBe(cssRgb(TYPE_COLOURS[group as TypeGroup].light));
    await page.close();
  });

  it('the site switch turns highlighting off and on without a reload', async () => {
    const before = await pageCounts(article);
    await article.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const popup = await driver.openPopupFor(article);
    const toggle = '[data-testid=toggle-site]';
    await popup.waitForSelector(toggle);
    await expect.poll(() => popup.isChecked(toggle)).toBe(true);
    await popup.click(toggle);
    await expect.poll(() => article.count('bs-mark')).toBe(0);
    await popup.waitForSelector('[data-testid=inactive]');
    await popup.click(toggle);
    await expect.poll(() => pageCounts(article), { timeout: 15_000 }).toEqual(before);
    await expect.poll(() => popupCounts(popup)).toEqual(before);
    expect(await article.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await popup.close();
  });

  it('past the mark cap, the page stops marking and the popup says so', async () => {
    const full = await article.count('bs-mark');
    expect((await driver.call('settings.update', { patch: { markCap: 10 } })).ok).toBe(true);
    try {
      await expect.poll(() => article.evaluate(() => new Set([...document.querySelectorAll('bs-mark')].map((m) => m.getAttribute('data-mention'))).size), { timeout: 15_000 }).toBe(10);
      const popup = await driver.openPopupFor(article);
      await expect.poll(() => popup.textContent('#page-entries-title')).toContain('stopped early');
      await popup.close();
    } finally {
      expect((await driver.call('settings.update', { patch: { markCap: 5000 } })).ok).toBe(true);
    }
    await expect.poll(() => article.count('bs-mark'), { timeout: 15_000 }).toBe(full);
    const popup = await driver.openPopupFor(article);
    await popup.waitForSelector(ENTRY_BUTTONS);
    expect(await popup.textContent('#page-entries-title')).not.toContain('stopped early');
    await popup.close();
  });

  it('searches the corpus from the popup', async () => {
    const popup = await driver.openPopupFor(article);
    // The field is found by its label, as a reader of a screen reader finds it.
    const field = await popup.waitForFunction(() => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Search the corpus and your highlights');
      return label?.htmlFor ? `#${label.htmlFor}` : '';
    });
    await popup.fill(field, 'Erdoga');
    const hit = '[data-testid=popup-results] .hit[data-kind=entry][data-entry-id=recep-tayyip-erdogan]';
    await popup.waitForSelector(hit);
    expect(await popup.textContent(`${hit} mark`)).toMatch(/Erdo/);
    await popup.close();
  });

  it('says so in a sentence on pages it cannot run on', async () => {
    const options = await driver.openExtensionPage('options.html');
    const popup = await driver.openPopupFor(options);
    const note = '[data-testid=unavailable]';
    await popup.waitForSelector(note);
    expect(await popup.textContent(note)).toContain('cannot read this page');
    expect(await popup.count('.error')).toBe(0);
    await popup.close();
    await options.close();
  });

  it('threw no uncaught errors', () => {
    expect(driver.pageErrors).toEqual([]);
  });
});
