/**
 * Issue 16 (item 4, outside the card), in both browsers: the browser assigns
 * the manifest's suggested shortcuts (Chromium leaves a suggested key that
 * clashes with its own unset, as it did Alt+Shift+N); Settings lists every
 * command by name with its shortcut or says how to set one; and Tab moves a
 * visible focus ring through the popup and the options page.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type DriverPage } from '../driver';
import { suiteDriver } from '../suite';

const DOC = '2025-10-sharaa-overture-to-putin';

interface Command {
  name?: string;
  shortcut?: string;
}

/** What `commands.getAll()` answers in an extension page. */
function commandsOf(page: DriverPage): Promise<Command[]> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as { browser?: { commands: { getAll(): Promise<Command[]> } }; chrome: { commands: { getAll(cb: (c: Command[]) => void): void } } };
    if (g.browser?.commands) return g.browser.commands.getAll();
    return new Promise<Command[]>((resolve) => g.chrome.commands.getAll(resolve));
  });
}

/**
 * Presses Tab up to `count` times and describes the focus indicator of each
 * element reached: its outline, or for a timeline event (an SVG link) its
 * dot's stroke. Stops before focus leaves the page for the browser's own UI.
 */
async function tabThrough(page: DriverPage, count: number): Promise<{ what: string; visible: boolean }[]> {
  // A page in a background tab has no focus: :focus and :focus-visible would not match.
  await page.bringToFront();
  const seen: { what: string; visible: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    await page.press('Tab');
    const step = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body || !document.hasFocus()) return undefined;
        const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class')}` : ''}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} ${(el.textContent ?? '').trim().slice(0, 30)}`;
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        const dot = el.querySelector('.tl-dot');
        const ring = dot ? parseFloat(getComputedStyle(dot).strokeWidth) >= 2 && getComputedStyle(dot).stroke !== 'none' : false;
        return { what, visible: outline || ring };
      });
    if (!step) break;
    seen.push(step);
  }
  return seen;
}

describe.each(BROWSERS)('keyboard, in %s', (browserName) => {
  const driver = suiteDriver(browserName, { everyMention: true });

  it('the browser assigns both suggested shortcuts', async () => {
    const options = await driver.openExtensionPage('options.html', '#settings');
    const commands = await commandsOf(options);
    const byName = Object.fromEntries(commands.map((c) => [c.name, c.shortcut]));
    expect(byName['next-mention']).toBe('Alt+Shift+K');
    expect(byName['save-highlight']).toBe('Alt+Shift+H');
    await options.close();
  });

  it('Settings names every command with its shortcut, or says how to set one', async () => {
    const options = await driver.openExtensionPage('options.html', '#settings');
    await options.waitForSelector('[data-testid=shortcuts] li');
    const rows = await options.evaluateAll('[data-testid=shortcuts] li', (items) =>
      items.map((li) => ({ command: li.getAttribute('data-command'), text: li.textContent ?? '', kbd: li.querySelector('kbd')?.textContent ?? null })),
    );
    expect(rows.find((r) => r.command === 'next-mention')).toMatchObject({ kbd: 'Alt+Shift+K', text: expect.stringContaining('next highlighted name') });
    for (const row of rows) {
      // A name, never an id like "_execute_action" or an empty label.
      expect(row.text).toMatch(/^[A-Z][^:]+: /);
      if (!row.kbd) expect(row.text).toContain('not set — choose “Change shortcuts…” below to set one.');
    }
    const hint = await options.textContent('[data-testid=shortcuts-hint]');
    expect(hint).toContain(browserName === 'firefox' ? 'Manage Extension Shortcuts' : 'chrome://extensions/shortcuts');
    await options.close();
  });

  it('Tab shows a focus ring on every control of the popup', async () => {
    const article = await driver.open(driver.server.url(`/demo/${DOC}.html`));
    await article.waitForFunction(() => document.querySelectorAll('bs-mark').length > 10, undefined, { timeout: 20_000 });
    const popup = await driver.openPopupFor(article);
    await popup.waitForSelector('[data-testid=page-entries] button');
    const seen = await tabThrough(popup, 12);
    expect(seen.length).toBeGreaterThan(8);
    expect(seen.filter((s) => !s.visible)).toEqual([]);
    await popup.close();
    await article.close();
  });

  it('Tab shows a focus ring on the options page', async () => {
    const options = await driver.openExtensionPage('options.html', '#settings');
    await options.waitForSelector('[data-testid=shortcuts] li');
    const seen = await tabThrough(options, 20);
    expect(seen.length).toBeGreaterThan(12);
    expect(seen.filter((s) => !s.visible)).toEqual([]);
    await options.close();
  });

  it('Tab shows a focus ring on the timeline events', async () => {
    const options = await driver.openExtensionPage('options.html', '#timeline');
    await options.waitForSelector('[data-testid=timeline] a.tl-event');
    const seen = await tabThrough(options, 40);
    expect(seen.filter((s) => s.what.includes('tl-event')).length).toBeGreaterThan(3);
    expect(seen.filter((s) => !s.visible)).toEqual([]);
    await options.close();
  });

  it('threw no uncaught errors', () => {
    expect(driver.pageErrors).toEqual([]);
  });
});
