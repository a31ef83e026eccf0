/**
 * Issue 18, the reader's library, in every browser: the popup adds a page's
 * article (extracted in the tab on that click), says the page is in the
 * library, its passages naming an actor appear for that actor labelled "From
 * your library — outlet, date" in the card on another page naming the actor
 * (in its private frame, never in the page), the
 * options page lists it and removes it, a page with no article gets
 * "Nothing to add here", and the library with the reader's own entries
 * survives export, clear and import identical.
 */
import { catchDownloads, type CaughtDownloads } from '../catch-downloads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type ExtensionDriver } from '../driver';
import { LIBRARY_EXCERPTS_FOR_ENTRY } from '../../../src/shared/protocol';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Sharaa in Moscow again | The Moscow Times</title>
<meta property="og:site_name" content="The Moscow Times">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Sharaa returns to Moscow","datePublished":"2026-01-28T09:00:00Z","author":{"@type":"Person","name":"A. Reporter"},"publisher":{"@type":"Organization","name":"The Moscow Times"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Sharaa returns to Moscow</h1>
<p>Ahmed al-Sharaa arrived in Moscow on Wednesday for his second visit, meeting Vladimir Putin to discuss the future of the Russian bases on the coast.</p>
<p>Officials in Damascus said the talks covered grain deliveries, old debts and the status of the Hmeimim airfield, which both sides want settled before the spring.</p>
<p>Neither side published a joint statement after the meeting, and the Kremlin declined to comment on a timetable for any agreement.</p>
<p>Analysts at the Korvin Institute expect no deal on the bases before the summer.</p>
</article><footer>© The Moscow Times</footer></body></html>`;

/** Another page naming the same actor; its shadow roots open so the test can reach the card. */
const OTHER = `<!doctype html><html lang="en"><head><title>Kremlin diary</title><meta name="backstory-test-open-shadow"></head>
<body><main><p>Vladimir Putin received envoys in the Kremlin on Monday, his office said.</p></main></body></html>`;

const CARD = 'backstory-card-host >>> .bs-popover';

/** An article longer than the library keeps (`MAX_LIBRARY_TEXT_CHARS`): 600 paragraphs of about 480 characters. */
const HUGE = `<!doctype html><html lang="en"><head><title>The longest read</title></head><body><article><h1>The longest read</h1>
${Array.from({ length: 600 }, (_, k) => `<p>Paragraph ${k + 1}: Vladimir Putin and Ahmed al-Sharaa met again in Moscow, and the talks on the bases, the debts and the grain went on for hours without a statement. ${'Officials on both sides said little about what was agreed, and analysts waited for the next round. '.repeat(3)}</p>`).join('\n')}
</article></body></html>`;

const EMPTY = `<!doctype html><html lang="en"><head><title>Search</title></head><body><form><input name="q"></form><p>No results.</p></body></html>`;

describe.each(BROWSERS)('the library, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    driver.server.route('/library/sharaa-moscow.html', ARTICLE);
    driver.server.route('/library/search.html', EMPTY);
    driver.server.route('/library/huge.html', HUGE);
    driver.server.route('/library/other.html', OTHER);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('adds a page from the popup, labels its passages in the card frame, lists it in options and removes it', async () => {
    const page = await driver.open(driver.server.url('/library/sharaa-moscow.html'));
    await page.waitForFunction(() => document.querySelectorAll('bs-mark').length > 0, undefined, { timeout: 20_000 });
    const popup = await driver.openPopupFor(page);
    await expect.poll(() => popup.textContent('[data-testid=library-state]')).toBe('Not in your library.');
    await popup.click('button[data-action=add-to-library]');
    await expect.poll(() => popup.textContent('[data-testid=library-status] [role=status]'), { timeout: 15_000 }).toContain('Added to your library');
    await expect.poll(() => popup.textContent('[data-testid=library-state]')).toContain('In your library since');
    // Adding again updates, never duplicates.
    await popup.click('button[data-action=add-to-library]');
    await expect.poll(() => popup.textContent('[data-testid=library-status] [role=status]'), { timeout: 15_000 }).toContain('Updated in your library');
    await popup.close();

    const listed = await driver.call('library.list', {});
    expect(listed.ok && listed.value.map((a) => [a.title, a.site, a.published, a.author])).toEqual([['Sharaa returns to Moscow', 'The Moscow Times', '2026-01-28', 'A. Reporter']]);

    // The card's private frame lists the library's passages naming the actor, labelled.
    const frame = await driver.openExtensionPage('private.html', '#entry=vladimir-putin');
    await frame.waitForSelector('[data-testid=private-library]');
    expect(await frame.textContent('[data-testid=private-library]')).toContain('From your library — The Moscow Times, 28 Jan 2026');
    expect(await frame.textContent('[data-testid=private-library]')).toContain('meeting Vladimir Putin');
    await frame.close();
    // Never in the page: a content script's card carries corpus excerpts only.
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('From your library'))).toBe(false);

    // Another page naming the same actor: its card's private frame shows the library excerpt, labelled.
    const other = await driver.open(driver.server.url('/library/other.html'));
    await other.waitForSelector('bs-mark[data-entry-id="vladimir-putin"]', { state: 'attached', timeout: 20_000 });
    await other.mouseMove(5, 5);
    await other.hover('bs-mark[data-entry-id="vladimir-putin"]');
    await other.waitForSelector(`${CARD} .bs-card[data-entry-id="vladimir-putin"]`);
    await expect.poll(() => other.frameText(driver.extensionOrigin), { timeout: 15_000 }).toMatch(/From your library — The Moscow Times, 28 Jan 2026[\s\S]*meeting Vladimir Putin/);
    expect(await other.evaluate(() => document.documentElement.outerHTML.includes('From your library'))).toBe(false);
    await other.close();

    const options = await driver.openExtensionPage('options.html', '#library');
    await options.waitForSelector('[data-testid=library-list] li');
    expect(await options.textContent('[data-testid=library-list]')).toContain('Sharaa returns to Moscow');
    await options.click('button[data-action=remove-library]');
    await options.waitForSelector('[data-testid=library-list]', { state: 'detached' });
    expect(await options.textContent('[role=status]')).toContain('Removed');
    await options.close();

    const after = await driver.openPopupFor(page);
    await expect.poll(() => after.textContent('[data-testid=library-state]')).toBe('Not in your library.');
    await after.close();
    await page.close();
  });

  it('adds an own entry from the options form and marks it on the next page; refuses a common-word alias', async () => {
    const options = await driver.openExtensionPage('options.html', '#library?name=Korvin%20Institute');
    await options.waitForSelector('[data-testid=own-entry-form]');
    expect(await options.inputValue('[data-field=name]')).toBe('Korvin Institute');
    await options.selectOption('[data-field=type]', 'organisation');
    await options.fill('[data-field=aliases]', 'airfield');
    await options.click('button[data-action=add-own-entry]');
    await expect.poll(() => options.textContent('[role=alert]')).toContain('lowercase word');
    await options.fill('[data-field=aliases]', 'Korvin');
    await options.fill('[data-field=description]', 'A think tank I keep meeting in reports on the bases.');
    await options.click('button[data-action=add-own-entry]');
    await options.waitForSelector('[data-testid=own-entry-list] li');
    await options.close();

    const page = await driver.open(driver.server.url('/library/sharaa-moscow.html'));
    await page.waitForSelector('bs-mark[data-entry-id=own-korvin-institute]', { state: 'attached', timeout: 20_000 });
    await page.close();
  });

  it('exports, clears and imports the library with the own entries: identical', async () => {
    const page = await driver.open(driver.server.url('/library/sharaa-moscow.html'));
    expect((await driver.call('library.add', { tabId: await driver.tabIdOf(page) })).ok).toBe(true);
    // An own entry of this run's own (the test above adds one too, when it ran first).
    expect((await driver.call('entries.add', { entry: { name: 'Hmeimim Airfield', type: 'place', aliases: ['Hmeimim'], description: 'The Russian air base on the coast.', start: '2015' } })).ok).toBe(true);
    const exported = await driver.call('library.export', {});
    if (!exported.ok) throw new Error(exported.error.message);
    const before = await driver.call('library.list', {});
    const entriesBefore = await driver.call('entries.list', {});
    const excerptsBefore = await driver.call('library.forEntry', { entryId: 'own-hmeimim-airfield' });
    expect(excerptsBefore.ok && excerptsBefore.value).toMatchObject({ total: 1, items: [expect.anything()] });
    const ids = before.ok ? before.value.map((a) => a.id) : [];
    const entryIds = entriesBefore.ok ? entriesBefore.value.map((e) => e.id) : [];
    expect(ids).toHaveLength(1);
    expect(entryIds).toContain('own-hmeimim-airfield');
    expect(exported.value).toMatchObject({ count: 1, entries: entryIds.length });

    await driver.call('library.remove', { ids });
    for (const id of entryIds) await driver.call('entries.remove', { id });
    expect(await driver.call('library.list', {})).toEqual({ ok: true, value: [] });
    expect(await driver.call('entries.list', {})).toEqual({ ok: true, value: [] });

    expect(await driver.call('library.import', { text: exported.value.text })).toEqual({ ok: true, value: { imported: 1, entries: entryIds.length } });
    expect(await driver.call('library.list', {})).toEqual(before);
    expect(await driver.call('entries.list', {})).toEqual(entriesBefore);
    expect(await driver.call('library.forEntry', { entryId: 'own-hmeimim-airfield' })).toEqual(excerptsBefore);
    expect(await driver.call('library.export', {})).toEqual(exported);
    // The imported entry is marked on pages again.
    const again = await driver.open(driver.server.url('/library/sharaa-moscow.html'));
    await again.waitForSelector('bs-mark[data-entry-id=own-hmeimim-airfield]', { state: 'attached', timeout: 20_000 });
    await again.close();
    await page.close();
  });

  it('exports the library from its view as the file the background writes', async () => {
    const page = await driver.open(driver.server.url('/library/sharaa-moscow.html'));
    expect((await driver.call('library.add', { tabId: await driver.tabIdOf(page) })).ok).toBe(true);
    await page.close();
    const expected = await driver.call('library.export', {});
    if (!expected.ok) throw new Error(expected.error.message);
    const options = await driver.openExtensionPage('options.html', '#library');
    // Catch the download's Blob in the page instead of saving it.
    await options.evaluate(catchDownloads);
    await options.click('[data-action="export-library"]');
    await options.waitForFunction(() => (window as unknown as CaughtDownloads).__downloads.length > 0);
    const saved = await options.evaluate(async () => {
      const { name, blob } = (window as unknown as CaughtDownloads).__downloads[0]!;
      return { name, type: blob.type, text: await blob.text() };
    });
    expect(saved).toEqual({ name: expect.stringMatching(/^backstory-library-\d{4}-\d\d-\d\d\.json$/), type: 'application/json', text: expected.value.text });
    await expect.poll(() => options.textContent('[role="status"]')).toMatch(/^Exported 1 article and \d+ own entr(y|ies)\.$/);
    await options.close();
  }, 60_000);

  it('keeps the first part of a very long page and says so', async () => {
    const page = await driver.open(driver.server.url('/library/huge.html'));
    const popup = await driver.openPopupFor(page);
    await popup.click('button[data-action=add-to-library]');
    await expect.poll(() => popup.textContent('[data-testid=library-status] [role=status]'), { timeout: 30_000 }).toContain('only its first part was kept');
    await popup.close();
    const listed = await driver.call('library.list', {});
    const huge = listed.ok ? listed.value.find((a) => a.title === 'The longest read') : undefined;
    expect(huge?.capped).toBe(true);
    expect(await driver.call('library.remove', { ids: [huge!.id] })).toMatchObject({ ok: true, value: { removed: 1 } });
    await page.close();
  });

  it('says there is nothing to add on a page without an article', async () => {
    const page = await driver.open(driver.server.url('/library/search.html'));
    const popup = await driver.openPopupFor(page);
    await expect.poll(() => popup.textContent('[data-testid=library-state]')).toBe('Not in your library.');
    await popup.click('button[data-action=add-to-library]');
    await expect.poll(() => popup.textContent('[data-testid=library-status] [role=alert]'), { timeout: 15_000 }).toContain('Nothing to add here');
    await popup.close();
    await page.close();
  });

  it('lists the newest library passages of a much-read name in the card frame, says how many, and links to the entry page', async () => {
    const known = await driver.call('library.forEntry', { entryId: 'vladimir-putin' });
    if (!known.ok) throw new Error(known.error.message);
    const count = LIBRARY_EXCERPTS_FOR_ENTRY + 2;
    const now = Date.now();
    // One article a day, each naming the actor once; ids and URLs of their own, so the test can take them out again.
    const articles = Array.from({ length: count }, (_, i) => ({
      id: `lib-${(0xbac0000 + i).toString(16).padStart(16, '0')}`,
      url: `https://many.example/story-${i}`,
      title: `Story ${i}`,
      site: 'Many Times',
      published: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
      addedAt: now,
      updatedAt: now,
      paragraphs: [
        `Vladimir Putin spoke on day ${i} of the talks about the bases on the coast, officials in the capital said on the evening of the meeting.`,
        'The ministry declined to comment on the timetable, and analysts expected no agreement on the airfield, the port or the debts before the summer.',
        'Neither delegation published a statement, and the next round of the talks has not been scheduled, according to people familiar with the plans.',
      ],
    }));
    const imported = await driver.call('library.import', { text: JSON.stringify({ format: 'backstory-library', version: 2, articles, entries: [] }) });
    expect(imported).toEqual({ ok: true, value: { imported: count, entries: 0 } });
    const total = known.value.total + count;
    const frame = await driver.openExtensionPage('private.html', '#entry=vladimir-putin');
    await frame.waitForSelector('[data-testid=library-newest]');
    expect(await frame.textContent('[data-testid=library-newest]')).toBe(`The newest ${LIBRARY_EXCERPTS_FOR_ENTRY} of ${total}. All of them on the entry’s page`);
    const href = await frame.evaluateOn('[data-testid=library-newest] a', (a) => (a as HTMLAnchorElement).href);
    expect(href).toBe(`${driver.extensionOrigin}options.html#entry/vladimir-putin`);
    expect(await frame.count('[data-testid=private-library] li')).toBe(LIBRARY_EXCERPTS_FOR_ENTRY);
    const listed = (await frame.textContent('[data-testid=private-library]')) ?? '';
    expect(listed).toContain(`on day ${count - 1} of the talks`);
    expect(listed).not.toContain('on day 0 of the talks');
    await frame.close();
    // The entry's page lists every one of them, labelled as the reader's, not the corpus's.
    const entryPage = await driver.openExtensionPage('options.html', '#entry/vladimir-putin');
    const dayZero = () =>
      entryPage.evaluate(() => [...document.querySelectorAll('.passages li')].find((li) => li.textContent?.includes('on day 0 of the talks'))?.querySelector('[data-origin]')?.textContent ?? null);
    await expect.poll(dayZero, { timeout: 15_000 }).toBe('From your library — Many Times, 1 Jan 2025');
    await entryPage.close();
    expect(await driver.call('library.remove', { ids: articles.map((a) => a.id) })).toEqual({ ok: true, value: { removed: count } });
  });
});
