/**
 * Issue 4 on pages nobody wrote for Backstory, in every browser (issue 8):
 * every saved real-world page in ../shared/realpages loads with the extension
 * without a page error, its text is the same with the marks and after they
 * are removed (turning Backstory off restores the text nodes exactly), and the
 * pages that mention the corpus's actors get the expected marks.
 *
 * "Turkey" in clean-links.html (Melville's Bartleby) is a clerk's nickname,
 * not the state. The matcher recognises surface forms; it has no word-sense
 * disambiguation, and a capitalised "Turkey" is a strong alias of the state.
 * So the behaviour chosen and asserted here is: it IS marked as `turkey`, and
 * the remedy is the reader's per-site "not this one" correction (the hover
 * card's button), which removes it on that site. That remedy is asserted too,
 * through the content script's own path (`page.match` passes the sender
 * site's excluded ids to the matcher as `exclude`).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { BROWSERS, type DriverPage } from '../driver';
import { suiteDriver } from '../suite';
import { REALPAGES_DIR } from '../server';

const PAGES = readdirSync(REALPAGES_DIR)
  .filter((f) => !process.env.REALPAGE || f === process.env.REALPAGE)
  .filter((f) => f.endsWith('.html'))
  .sort();

function passes(page: DriverPage): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('backstory:annotate').length);
}

function markIds(page: DriverPage): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('bs-mark')].map((m) => m.getAttribute('data-entry-id') ?? ''));
}

function innerText(page: DriverPage): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

describe.each(BROWSERS)('real-world pages, in %s', (browserName) => {
  const driver = suiteDriver(browserName, { everyMention: true });

  /** Writes a site's "not this one" list straight into the background's database. */
  async function setCorrection(site: string, excluded: string[]): Promise<void> {
    await driver.evaluateInBackground(
      (bg, [s, ids]) =>
        new Promise<void>((resolve, reject) => {
          const open = bg.indexedDB.open('backstory');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('corrections', 'readwrite');
            tx.objectStore('corrections').put({ site: s, excluded: ids });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      [site, excluded] as const,
    );
  }

  async function setEnabled(enabled: boolean): Promise<void> {
    expect((await driver.call('settings.update', { patch: { enabled } })).ok).toBe(true);
  }

  /** The page errors raised while `run` ran, sorted (their order depends on timing). */
  async function pageErrorsOf(run: () => Promise<void>): Promise<string[]> {
    const before = driver.pageErrors.length;
    await run();
    // Errors reach the test process asynchronously: give the last ones a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return driver.pageErrors.slice(before).map(String).sort();
  }

  /** Opens a real page with highlighting on and waits for the first pass. */
  async function openAnnotated(name: string): Promise<DriverPage> {
    const page = await driver.open(driver.server.url(`/realpages/${name}`));
    await expect.poll(() => passes(page), { timeout: 30_000 }).toBeGreaterThan(0);
    return page;
  }

  it('finds the saved pages', () => {
    // REALPAGE=<name>.html runs one page only, when looking into a failure.
    expect(PAGES.length).toBeGreaterThan(process.env.REALPAGE ? 0 : 50);
  });

  it('yahoo-2.html: Russia, Putin and Moscow are marked', async () => {
    const page = await openAnnotated('yahoo-2.html');
    const ids = new Set(await markIds(page));
    for (const id of ['russia', 'vladimir-putin', 'moscow']) expect(ids).toContain(id);
    await page.close();
  });

  it('clean-links.html: "Turkey" (a clerk in the story) is not marked; "not this one" removes Washington on that site', async () => {
    const marksOf = (page: DriverPage, id: string) => page.evaluate((entry) => [...document.querySelectorAll(`bs-mark[data-entry-id="${entry}"]`)].map((m) => m.textContent), id);
    const page = await openAnnotated('clean-links.html');
    // The story calls him Turkey in dialogue ('said Turkey') and with his pronouns, and never names the place.
    expect(await marksOf(page, 'turkey')).toEqual([]);
    expect(await marksOf(page, 'washington')).toEqual(['Washington']);
    await page.close();

    // The correction as the background stores it (the hover card's button sends
    // `corrections.add`, a content-only call; here it is written in place).
    await setCorrection('127.0.0.1', ['washington']);
    try {
      const corrected = await openAnnotated('clean-links.html');
      expect(await marksOf(corrected, 'washington')).toEqual([]);
      await corrected.close();
    } finally {
      await setCorrection('127.0.0.1', []);
    }
  });

  for (const name of PAGES) {
    it(`${name}: no page error of ours, text unchanged by the marks`, async () => {
      // Backstory on: the page is annotated, its marks removed and drawn again.
      await setEnabled(true);
      const started = Date.now();
      const errors = await pageErrorsOf(async () => {
        const page = await openAnnotated(name);
        const withMarks = await innerText(page);
        const marks = (await markIds(page)).length;

        await setEnabled(false);
        await expect.poll(() => markIds(page).then((m) => m.length), { timeout: 15_000 }).toBe(0);
        // Page scripts can not fetch anything here, so the text is static: it must be the same.
        expect(await innerText(page)).toBe(withMarks);
        expect(await page.count('[data-backstory-ui="marks"]')).toBe(0);
        await setEnabled(true);
        if (marks > 0) await expect.poll(() => markIds(page).then((m) => m.length), { timeout: 15_000 }).toBe(marks);
        await page.close();
      });
      const lifetime = Date.now() - started;
      // With no error at all there is nothing to attribute: the baseline run would
      // only cost the page's lifetime again.
      if (errors.length === 0) return;

      // These pages' own scripts fail here (their libraries are on unreachable hosts,
      // some only after a delay): those errors are the page's, so they are recorded
      // with Backstory off, the page open as long as it was above, and Backstory must
      // not have added any. The page closes as soon as every kind of error seen above
      // has appeared without Backstory: waiting longer could only add kinds to the
      // baseline, which changes nothing in the verdict.
      await setEnabled(false);
      const baseline = await pageErrorsOf(async () => {
        const from = driver.pageErrors.length;
        const page = await driver.open(driver.server.url(`/realpages/${name}`));
        const closeBy = Date.now() + lifetime;
        const allSeen = (): boolean => {
          const seen = new Set(driver.pageErrors.slice(from).map(String));
          return errors.every((e) => seen.has(e));
        };
        while (Date.now() < closeBy && !allSeen()) await new Promise((resolve) => setTimeout(resolve, 100));
        await page.close();
      });
      await setEnabled(true);
      // The count of a page's own errors varies with timing; no new kind of error may appear.
      expect(errors.filter((e) => !baseline.includes(e))).toEqual([]);
    }, 120_000);
  }
});
