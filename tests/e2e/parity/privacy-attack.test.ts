/**
 * Issue 14: a hostile page learns nothing private. The page (its scripts run
 * in the page's main world, as `page.evaluate` does) carries the
 * `backstory-test-open-shadow` meta, marks of a name the reader saved a note
 * about on ANOTHER site, and a saved highlight of its own with a note. It
 * tries synthetic pointer, mouse, focus, key and click events on every mark
 * and highlight, a script-made selection with mouseup/keyup, then searches
 * for the reader's notes and quotes with `window.find`, select-all and copy,
 * probes our hosts' shadow roots, boxes, scroll sizes and computed styles,
 * and records every mutation of the document. Then the reader really hovers
 * the name and clicks the highlight (trusted input) and the page tries again.
 *
 * The suite loads the builds a reader loads: the development build
 * (`dist/chrome`, `dist/firefox`, as `npm run build` writes them) and a
 * production build (written here, as `npm run build:prod` does), never the
 * test build, whose hooks are for tests only.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../../scripts/build';
import { BROWSERS, launchDriver, type BrowserName, type DriverPage, type ExtensionDriver } from '../driver';
import { ROOT } from '../server';

/** The other site's note and quote, and this page's own note: none may reach the page. */
const OTHER_NOTE = 'pin 4471 for the safe';
const OTHER_QUOTE = 'Assad kept the keys of the old palace';
const OWN_NOTE = 'call Rania 0931 about this';
const SECRETS = [OTHER_NOTE, OTHER_QUOTE, OWN_NOTE, 'elsewhere.example'];
const OWN_QUOTE = 'fled to Moscow in December 2024';
/** A host's box, offset, scroll and client sizes and computed size: a point, whatever it holds. */
const FIXED_POINT = '0 0 0 0 0 0 0 0 0px 0px';

/** The hostile page's own script: the attacks, as functions on `window`. */
const ATTACK_SCRIPT = String.raw`
window.seen = [];
new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === 'attributes') window.seen.push(r.attributeName + '=' + r.target.getAttribute(r.attributeName));
    if (r.type === 'characterData') window.seen.push(r.target.textContent);
    for (const n of r.addedNodes) window.seen.push(n.outerHTML ?? n.textContent ?? '');
  }
}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true, characterDataOldValue: true });

// Every custom element but the marks and highlights themselves: where our UI lives.
window.ourHosts = () => [...document.querySelectorAll('*')].filter((el) => el.tagName.includes('-') && !/^BS-/.test(el.tagName));

window.syntheticAttack = async () => {
  for (const el of document.querySelectorAll('bs-mark, bs-highlight')) {
    for (const type of ['pointerover', 'pointerenter', 'pointermove']) el.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'mouse' }));
    for (const type of ['mouseover', 'mouseenter', 'mousemove']) el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    el.tabIndex = -1;
    el.focus();
    el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    for (const key of ['Enter', ' ', 'Tab']) el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch' }));
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    el.click();
    el.blur();
  }
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('p'));
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  document.querySelector('p').dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  document.querySelector('p').dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', shiftKey: true, bubbles: true }));
  // Past the hover delay (400 ms), a card's load and the toolbar's timer.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  getSelection().removeAllRanges();
};

window.probe = (secrets) => {
  const found = [];
  const active = document.activeElement;
  for (const s of secrets) {
    getSelection().removeAllRanges();
    try {
      // caseSensitive, backwards, wrapAround, wholeWord, searchInFrames, showDialog
      if (window.find(s, false, false, true, false, true, false)) found.push('window.find: ' + s);
    } catch {
      // Firefox refuses to search into a cross-origin frame (SecurityError): nothing found.
    }
  }
  getSelection().removeAllRanges();
  document.execCommand('selectAll');
  const selected = getSelection().toString();
  let copied = '';
  const onCopy = () => (copied = getSelection().toString());
  document.addEventListener('copy', onCopy);
  document.execCommand('copy');
  document.removeEventListener('copy', onCopy);
  getSelection().removeAllRanges();
  if (active instanceof HTMLElement) active.focus();
  const hosts = window.ourHosts();
  const text = [selected, copied, document.documentElement.textContent, document.body.innerText, ...window.seen, ...hosts.map((h) => (h.shadowRoot ? h.shadowRoot.textContent : ''))];
  for (const s of secrets) if (text.some((t) => t && t.includes(s))) found.push('page-readable text: ' + s);
  return {
    found,
    openShadowRoots: hosts.filter((h) => h.shadowRoot !== null).map((h) => h.tagName.toLowerCase()),
    hosts: hosts.map((h) => h.tagName.toLowerCase()),
    measures: hosts.map((h) => {
      const r = h.getBoundingClientRect();
      const cs = getComputedStyle(h);
      return [r.width, r.height, h.offsetWidth, h.offsetHeight, h.scrollWidth, h.scrollHeight, h.clientWidth, h.clientHeight, cs.width, cs.height].join(' ');
    }),
  };
};
`;

function hostilePage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile news</title><meta name="backstory-test-open-shadow"></head>
<body><main><h1>Syria news</h1>
<p>Former president Bashar al-Assad ${OWN_QUOTE}, the agency said.</p>
<p>Recep Tayyip Erdoğan met Vladimir Putin in Sochi.</p>
</main><script>${ATTACK_SCRIPT}</script></body></html>`;
}

/** The reader's highlights: one from another site about Assad, one of this page. */
function highlightsFile(pageUrl: string): string {
  const now = Date.now();
  const own = `Former president Bashar al-Assad ${OWN_QUOTE}`;
  const start = own.indexOf(OWN_QUOTE);
  return JSON.stringify({
    format: 'backstory-highlights',
    version: 1,
    highlights: [
      {
        id: 'other-site-1',
        url: 'https://elsewhere.example/diary',
        title: 'My diary',
        quote: OTHER_QUOTE,
        selectors: [
          { type: 'TextQuoteSelector', exact: OTHER_QUOTE, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: OTHER_QUOTE.length },
        ],
        colour: 'pink',
        note: OTHER_NOTE,
        entityIds: ['bashar-al-assad'],
        createdAt: now,
        updatedAt: now,
      },
      {
        id: 'own-page-1',
        url: pageUrl,
        title: 'Hostile news',
        quote: OWN_QUOTE,
        selectors: [
          { type: 'TextQuoteSelector', exact: OWN_QUOTE, prefix: 'Bashar al-Assad ', suffix: ', the agency' },
          { type: 'TextPositionSelector', start, end: start + OWN_QUOTE.length },
        ],
        colour: 'yellow',
        note: OWN_NOTE,
        entityIds: [],
        createdAt: now,
        updatedAt: now,
      },
    ],
  });
}

type Probe = { found: string[]; openShadowRoots: string[]; hosts: string[]; measures: string[] };
const probe = (page: DriverPage) => page.evaluate((secrets) => (window as unknown as { probe(s: string[]): Probe }).probe(secrets), SECRETS);

/** A production build of both browsers, written once for the file (as `npm run build:prod` does). */
let production: Promise<string> | undefined;
function productionBuild(): Promise<string> {
  production ??= mkdtemp(path.join(os.tmpdir(), 'backstory-prod-')).then(async (dir) => {
    await buildAll({ production: true, outRoot: dir });
    return dir;
  });
  return production;
}

const BUILDS = BROWSERS.flatMap((browser) => [
  { browser, build: 'development' as const },
  { browser, build: 'production' as const },
]);

afterAll(async () => {
  if (production) await rm(await production, { recursive: true, force: true });
});

/**
 * What only a test build may carry: the meta that opens our shadow roots, the
 * meta that sets how long the first stage waits for a page's load, the
 * tab commands a test calls directly, the switch that makes `page.match` fail,
 * and the fixture server's host grant.
 */
const TEST_HOOKS = ['backstory-test-open-shadow', 'backstory-test-load-wait', 'backstoryTabCommands', 'backstoryRefusePageMatch', 'http://127.0.0.1/*'];

/**
 * The test hooks found in an extension directory's files. Source maps are left
 * out: the browser never runs them, and a development build's maps hold the
 * sources, where the hooks are written behind `__TEST_HOOKS__`.
 */
async function hooksIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await readdir(dir, { recursive: true })) {
    if (!/\.(js|html|json|css)$/.test(file)) continue;
    const text = await readFile(path.join(dir, file), 'utf8');
    for (const hook of TEST_HOOKS) if (text.includes(hook)) found.push(`${file}: ${hook}`);
  }
  return found;
}

const FOLDERS = ['chrome', 'firefox'] as const;

describe('no build a reader loads carries a test hook', () => {
  it.each(FOLDERS)('the development build for %s carries none', async (folder) => {
    expect(await hooksIn(path.join(ROOT, 'dist', folder))).toEqual([]);
  });
  it.each(FOLDERS)('the production build for %s carries none', async (folder) => {
    expect(await hooksIn(path.join(await productionBuild(), folder))).toEqual([]);
  }, 120_000);
  // The check finds what it looks for: the test builds carry every hook.
  it.each(FOLDERS)('the test build for %s carries them all', async (folder) => {
    const found = await hooksIn(path.join(ROOT, 'dist', `test-${folder}`));
    for (const hook of TEST_HOOKS) expect(found.some((f) => f.endsWith(`: ${hook}`)), hook).toBe(true);
  });
});

describe.each(BUILDS)('a hostile page learns nothing private, in $browser ($build build)', ({ browser, build }) => {
  let driver: ExtensionDriver;
  let page: DriverPage;

  beforeAll(async () => {
    const dir = build === 'development' ? path.join(ROOT, 'dist') : await productionBuild();
    const folder: Record<BrowserName, string> = { chromium: 'chrome', firefox: 'firefox' };
    driver = await launchDriver(browser, { extensionDir: path.join(dir, folder[browser]) });
    driver.server.route('/hostile/news.html', hostilePage());
    const imported = await driver.call('highlights.import', { text: highlightsFile(driver.server.url('/hostile/news.html')) });
    expect(imported).toEqual({ ok: true, value: { added: 2, updated: 0, skipped: 0, skippedBy: [] } });
    page = await driver.open(driver.server.url('/hostile/news.html'));
    await page.waitForSelector('bs-mark[data-entry-id="bashar-al-assad"]', { state: 'attached' });
    await page.waitForSelector('bs-highlight[data-highlight-id="own-page-1"]', { state: 'attached' });
  }, 120_000);
  afterAll(async () => {
    await driver?.close();
  });

  it('synthetic events open nothing, and nothing private is readable', async () => {
    await page.evaluate(() => (window as unknown as { syntheticAttack(): Promise<void> }).syntheticAttack());
    const result = await probe(page);
    expect(result.found).toEqual([]);
    expect(result.openShadowRoots).toEqual([]);
    // Not a card, not a popover, not a toolbar: no UI of ours at all.
    expect(result.hosts).toEqual([]);
  });

  it('with the card open by a real hover, the reader sees the other site’s note and the page does not', async () => {
    await page.hover('h1');
    await page.hover('bs-mark[data-entry-id="bashar-al-assad"]');
    // The reader's highlights about Assad are in the card's extension frame.
    await expect.poll(() => page.frameText(driver.extensionOrigin), { timeout: 15_000 }).toContain(OTHER_NOTE);
    const result = await probe(page);
    expect(result.found).toEqual([]);
    expect(result.openShadowRoots).toEqual([]);
    expect(result.hosts).toEqual(['backstory-card-host']);
    // The host is a fixed point: its box says nothing about what the card shows.
    expect(result.measures).toEqual([FIXED_POINT]);
  });

  it('with its own highlight opened by a real click, the page cannot read the note', async () => {
    await page.press('Escape');
    await page.hover('h1');
    await page.click('bs-highlight[data-highlight-id="own-page-1"]');
    await expect.poll(() => page.frameText(driver.extensionOrigin), { timeout: 15_000 }).toContain(OWN_NOTE);
    const result = await probe(page);
    expect(result.found).toEqual([]);
    expect(result.openShadowRoots).toEqual([]);
    expect(result.measures).toEqual(result.measures.map(() => FIXED_POINT));
  });

  it('raised no page errors', () => {
    expect(driver.pageErrors).toEqual([]);
  });
});

/**
 * A card the reader navigated to (a related entry, clicked inside the card):
 * its "Your highlights" are in a new private frame too, never in the card's
 * shadow root. The test build is used so the selectors reach the button in
 * the card (its meta opens the shadow root, which is why this case checks
 * only what `window.find`, select-all, copy and the page's DOM give).
 */
describe.each(BROWSERS)('after navigating inside a card, a hostile page cannot find the next entry’s notes, in %s', (browser) => {
  const NAVIGATED_NOTE = 'locker code 5520 behind the desk';
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browser);
    driver.server.route('/hostile/navigate.html', hostilePage());
  }, 120_000);
  afterAll(async () => {
    await driver?.close();
  });

  it('the navigated card’s notes are in the frame, and window.find finds nothing', async () => {
    const page = await driver.open(driver.server.url('/hostile/navigate.html'));
    const CARD = 'backstory-card-host >>> .bs-popover';
    await page.waitForSelector('bs-mark[data-entry-id="vladimir-putin"]', { state: 'attached' });
    await page.hover('h1');
    await page.hover('bs-mark[data-entry-id="vladimir-putin"]');
    // Related entries are on the card's second level.
    await page.waitForSelector(`${CARD} .bs-card[data-entry-id="vladimir-putin"] [data-action="card-more"]`);
    await page.click(`${CARD} .bs-card[data-entry-id="vladimir-putin"] [data-action="card-more"]`);
    await page.waitForSelector(`${CARD} .bs-card[data-entry-id="vladimir-putin"] .bs-card__entry`);
    const target = await page.getAttribute(`${CARD} .bs-card[data-entry-id="vladimir-putin"] .bs-card__entry`, 'data-entry-id');
    expect(target).toBeTruthy();
    const now = Date.now();
    const quote = 'The envoy left the summit before dawn';
    const imported = await driver.call('highlights.import', {
      text: JSON.stringify({
        format: 'backstory-highlights',
        version: 1,
        highlights: [
          {
            id: 'other-site-navigated',
            url: 'https://elsewhere.example/journal',
            title: 'Journal',
            quote,
            selectors: [
              { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
              { type: 'TextPositionSelector', start: 0, end: quote.length },
            ],
            colour: 'green',
            note: NAVIGATED_NOTE,
            entityIds: [target!],
            createdAt: now,
            updatedAt: now,
          },
        ],
      }),
    });
    expect(imported.ok).toBe(true);
    await page.click(`${CARD} .bs-card[data-entry-id="vladimir-putin"] .bs-card__entry[data-entry-id="${target}"]`);
    await page.waitForSelector(`${CARD} .bs-card[data-entry-id="${target}"]`);
    // The reader sees the note, in the navigated card's extension frame.
    await expect.poll(() => page.frameText(driver.extensionOrigin), { timeout: 15_000 }).toContain(NAVIGATED_NOTE);
    const result = await page.evaluate((secrets) => (window as unknown as { probe(s: string[]): Probe }).probe(secrets), [NAVIGATED_NOTE, quote, 'elsewhere.example']);
    expect(result.found).toEqual([]);
    expect(result.measures).toEqual([FIXED_POINT]);
    await page.close();
  });
});
