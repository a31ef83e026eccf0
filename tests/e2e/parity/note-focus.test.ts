/**
 * Issue 16, item 5: notes do not get lost. After "Save with note…" the caret
 * is in the note box (inside the private frame), so what the reader types
 * goes into the note and a space does not scroll the page; once the note is
 * saved and the popover closed, the highlight shows that it has a note.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS } from '../driver';
import { suiteDriver } from '../suite';
import { noteFrame } from '../private-frames';
import { selectText } from '../select-text';

const QUOTE = 'gave the former president asylum in Moscow within days';
const FILLER = Array.from({ length: 40 }, (_, i) => `<p>Filler paragraph ${i} keeps the page taller than the window, so a space would scroll it.</p>`).join('');
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><meta name="backstory-test-open-shadow"><title>Notes</title></head>
<body><main><h1>After the fall</h1><p>Russia, which had intervened in 2015 to save the government, ${QUOTE} of the fall of the capital.</p>${FILLER}</main></body></html>`;
const PATH = '/note-focus/article.html';
const UI = 'backstory-highlights-ui >>> ';
const TOOLBAR = `${UI}[data-testid="bs-toolbar"]`;
const POPOVER = `${UI}[data-testid="bs-popover"]`;

describe.each(BROWSERS)('note focus, in %s', (browserName) => {
  const driver = suiteDriver(browserName, { routes: { [PATH]: PAGE } });

  it('"Save with note…" puts the caret in the note box; the saved highlight then shows it has a note', async () => {
    const page = await driver.open(driver.server.url(PATH));
    await page.waitForSelector('bs-mark', { state: 'attached' });
    // The quote spans marks.
    await selectText(page, 'main p', QUOTE);
    await page.press('Shift');
    await page.click(`${TOOLBAR} [data-action="note"]`);
    await page.waitForSelector(`${POPOVER} iframe.note-frame`);
    expect(await page.getAttribute(`${POPOVER} iframe.note-frame`, 'src')).toContain('focus=1');
    const saved = async () => {
      const list = await driver.call('highlights.list', {});
      return list.ok ? list.value.items.find((h) => h.quote === QUOTE) : undefined;
    };
    await expect.poll(saved, { timeout: 10_000 }).toBeDefined();
    // The frame has loaded its note box (and focused it) once it shows the Save button.
    await expect.poll(() => page.frameText(noteFrame(driver)), { timeout: 15_000 }).toContain('Save note');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BACKSTORY-HIGHLIGHTS-UI');

    const scrollBefore = await page.evaluate(() => scrollY);
    await page.type('Asylum in Moscow');
    await page.frameClick(noteFrame(driver), '[data-action="save-note"]:not([disabled])');
    await expect.poll(async () => (await saved())?.note, { timeout: 10_000 }).toBe('Asylum in Moscow');
    expect(await page.evaluate(() => scrollY)).toBe(scrollBefore);

    expect(await page.count('bs-highlight[data-note]')).toBe(0);
    await page.click(`${POPOVER} [data-action="close"]`);
    await expect.poll(() => page.count('bs-highlight[data-note]'), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getAttribute('bs-highlight[tabindex="0"]', 'aria-label')).toMatch(/^Saved highlight with a note/);

    // After a reload the sign is drawn with the highlight.
    await page.reload();
    await expect.poll(() => page.count('bs-highlight[data-note]'), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.close();
  }, 90_000);
});
