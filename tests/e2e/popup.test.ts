/**
 * Issue 7, the toolbar popup: opened as a page bound to a demo article's tab,
 * it lists the names the page marks with the same counts, reveals one on the
 * page, turns the site off and on without a reload, searches, and explains
 * itself on pages Backstory cannot run on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchExtension, type ExtensionSession } from './harness';
import { ROOT } from './server';

const DOC = '2025-10-sharaa-overture-to-putin';
let session: ExtensionSession;
let article: Page;

/** Mentions per entry id as the page draws them (a name split across elements counts once). */
function pageCounts(page: Page): Promise<Record<string, number>> {
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

function popupCounts(popup: Page): Promise<Record<string, number>> {
  return popup.$$eval('[data-testid=page-entries] button[data-entry-id]', (buttons) =>
    Object.fromEntries(buttons.map((b) => [b.getAttribute('data-entry-id')!, Number(b.getAttribute('data-count'))])),
  );
}

beforeAll(async () => {
  session = await launchExtension();
  article = await session.open(session.server.url(`/demo/${DOC}.html`));
  await article.locator('bs-mark').nth(10).waitFor({ state: 'attached', timeout: 20_000 });
});
afterAll(async () => {
  await session?.close();
});

describe('popup', () => {
  it('lists the names on the page by group, with the counts the page marks, by name', async () => {
    const popup = await session.openPopupFor(article);
    await popup.locator('[data-testid=page-entries] button[data-entry-id]').first().waitFor();
    const expected = await pageCounts(article);
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    expect(await popupCounts(popup)).toEqual(expected);
    // Names, not ids.
    const putin = popup.locator('button[data-entry-id=vladimir-putin] .entry-row__name');
    await expect.poll(() => putin.textContent()).toBe('Vladimir Putin');
    expect(await popup.locator('.entry-group[data-group=person] h3').textContent()).toContain('People');

    await popup.setViewportSize({ width: 380, height: 640 });
    await mkdir(path.join(ROOT, 'docs', 'screenshots'), { recursive: true });
    await popup.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', 'popup.png') });
    await popup.close();
  });

  it('choosing a name scrolls the page to its first mention', async () => {
    const popup = await session.openPopupFor(article);
    await popup.locator('[data-testid=page-entries] button[data-entry-id]').first().waitFor();
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
    await popup.locator(`button[data-entry-id="${target.id}"]`).click();
    await expect
      .poll(() =>
        article.evaluate((id) => {
          const first = document.querySelector(`bs-mark[data-entry-id="${id}"]`)!;
          const r = first.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight && scrollY > 0;
        }, target.id),
      )
      .toBe(true);
    await expect.poll(() => popup.locator('[role=status]').allTextContents()).toContainEqual(expect.stringContaining('Showing'));
    await popup.close();
  });

  it('the site switch turns highlighting off and on without a reload', async () => {
    const before = await pageCounts(article);
    await article.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const popup = await session.openPopupFor(article);
    const toggle = popup.getByTestId('toggle-site');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => article.locator('bs-mark').count()).toBe(0);
    await popup.getByTestId('inactive').waitFor();
    await toggle.click();
    await expect.poll(() => pageCounts(article), { timeout: 15_000 }).toEqual(before);
    await expect.poll(() => popupCounts(popup)).toEqual(before);
    expect(await article.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await popup.close();
  });

  it('searches the corpus from the popup', async () => {
    const popup = await session.openPopupFor(article);
    await popup.getByLabel('Search the corpus and your highlights').fill('Erdoga');
    const hit = popup.locator('[data-testid=popup-results] .hit[data-kind=entry][data-entry-id=recep-tayyip-erdogan]');
    await hit.waitFor();
    expect(await hit.locator('mark').first().textContent()).toMatch(/Erdo/);
    await popup.close();
  });

  it('says so in a sentence on pages it cannot run on', async () => {
    const options = await session.openExtensionPage('options.html');
    const popup = await session.openPopupFor(options);
    const note = popup.getByTestId('unavailable');
    await note.waitFor();
    expect(await note.textContent()).toContain('cannot read this page');
    expect(await popup.locator('.error').count()).toBe(0);
    await popup.close();
    await options.close();
  });

  it('threw no uncaught errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
