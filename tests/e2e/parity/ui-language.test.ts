/**
 * Issue 19, item 4: the extension's own interface speaks the reader's
 * language through `_locales`. In a browser whose UI is Arabic, the popup and
 * the options page are `lang="ar" dir="rtl"`, show the Arabic messages and lay
 * out right to left; the page-side card's labels are Arabic and it says the
 * corpus text is in English; the data view and the timeline are Arabic too.
 * Screenshots: `test-results/popup-ar-<browser>.png`,
 * `test-results/options-ar-<browser>.png`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, type DriverPage } from '../driver';
import { saveScreenshot } from '../screenshots';
import { ROOT } from '../server';
import { suiteDriver } from '../suite';
import { chooseFile } from '../choose-file';

const AR = JSON.parse(readFileSync(path.join(ROOT, '_locales', 'ar', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const ar = (key: string): string => AR[key]!.message;
/** One form of an Arabic plural message (`zero:…|one:…`). */
const pluralForm = (key: string, category: string): string => ar(key).split('|').find((form) => form.startsWith(`${category}:`))!.slice(category.length + 1);
const HYPOTHESIS = readFileSync(path.join(ROOT, 'tests', 'e2e', 'fixtures', 'hypothesis-export.json'), 'utf8');

const DOC = '2025-10-sharaa-overture-to-putin';
const ENTRY_BUTTONS = '[data-testid=page-entries] button[data-entry-id]';
const CARD = 'backstory-card-host >>> .bs-popover';
const CARD_PATH = '/ui-language/article.html';
const CARD_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="backstory-test-open-shadow"><title>Card</title></head>
<body><main><h1>Syria news</h1><p>Vladimir Putin received Ahmed al-Sharaa in the Kremlin.</p></main></body></html>`;

/**
 * `<html lang dir>` and the browser's UI language. Not `@@bidi_dir`: our pages
 * take their direction from the language of our messages (`uiDirection()`),
 * and Chromium's `@@bidi_dir` was seen to answer 'ltr' in an Arabic browser.
 */
function languageOf(page: DriverPage) {
  return page.evaluate(() => {
    const { i18n } = (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome;
    return { lang: document.documentElement.lang, dir: document.documentElement.dir, ui: i18n.getUILanguage() };
  });
}

describe.each(BROWSERS)('interface language, in %s', (browserName) => {
  const driver = suiteDriver(browserName, { locale: 'ar', routes: { [CARD_PATH]: CARD_PAGE } });

  it('the popup in Arabic is right to left, in Arabic, laid out from the right', async () => {
    const article = await driver.open(driver.server.url(`/demo/${DOC}.html`));
    await article.waitForFunction(() => document.querySelectorAll('bs-mark').length > 3, undefined, { timeout: 20_000 });
    const popup = await driver.openPopupFor(article);
    await popup.waitForSelector(ENTRY_BUTTONS);
    const language = await languageOf(popup);
    expect(language.ui.split('-')[0]).toBe('ar');
    expect(language).toMatchObject({ lang: 'ar', dir: 'rtl' });

    expect(await popup.textContent('.entry-group[data-group=person] h3')).toBe(ar('group_person'));
    expect(await popup.textContent('[data-testid=toggle-global] + span')).toBe(ar('popup_toggle_global'));
    expect(await popup.getAttribute('#popup-q', 'placeholder')).toBe(ar('popup_search_placeholder'));
    expect(await popup.textContent('.popup-header a')).toBe(ar('popup_explorer'));
    expect(await popup.textContent('#page-entries-title')).toMatch(/[\u0600-\u06ff]/);

    // Right to left: the brand on the right, the Explorer link on its left; in a row, the name right of its count.
    const layout = await popup.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      return {
        brand: box('.popup-header h1').right,
        link: box('.popup-header a').right,
        name: box('.entry-row__name').right,
        count: box('.entry-row__count').right,
        width: document.documentElement.clientWidth,
      };
    });
    expect(layout.brand).toBeGreaterThan(layout.link);
    expect(layout.name).toBeGreaterThan(layout.count);
    expect(layout.brand).toBeGreaterThan(layout.width / 2);

    await popup.setViewport(380, 640);
    await saveScreenshot(await popup.screenshot(), 'popup-ar', browserName);
    await popup.close();
    await article.close();
  });

  it('the options page in Arabic: navigation, headings and settings labels, right to left', async () => {
    const options = await driver.openExtensionPage('options.html', '#settings');
    await options.waitForSelector('[data-testid=setting-enabled]');
    expect(await languageOf(options)).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(await options.textContent('#settings-title')).toBe(ar('view_settings'));
    expect(await options.textContents('nav a')).toContain(ar('view_timeline'));
    expect(await options.textContent('.settings-form legend')).toBe(ar('settings_highlighting'));
    expect(await options.title()).toBe(`${ar('view_settings')} — Backstory`);
    // The navigation runs from the right: its first item right of its last.
    const [first, last] = await options.evaluate(() => {
      const items = [...document.querySelectorAll('nav li')].map((li) => li.getBoundingClientRect().right);
      return [items[0]!, items.at(-1)!];
    });
    expect(first).toBeGreaterThan(last);
    await saveScreenshot(await options.screenshot(), 'options-ar', browserName);
    await options.close();
  });

  it('the data view’s status and the timeline’s controls are Arabic', async () => {
    const data = await driver.openExtensionPage('options.html', '#data');
    await data.waitForSelector('[data-testid=data-status]');
    expect(await data.textContents('[data-testid=data-status] dt')).toEqual(['data_saved_highlights', 'data_corpus_entries', 'data_storage_used', 'data_when_low', 'data_version'].map(ar));
    await data.close();

    // An import's summary: the same Hypothesis file twice, so the second says why each item was skipped.
    for (let round = 0; round < 2; round++) {
      const importing = await driver.openExtensionPage('options.html', '#data');
      await chooseFile(importing, 'hypothesis.json', HYPOTHESIS);
      // Past the "importing…" progress: one highlight added the first time (Arabic's "one" form), none the second ("zero").
      const lead = pluralForm('data_imported', round === 0 ? 'one' : 'zero');
      await importing.waitForFunction((start) => (document.querySelector('.data-message')?.textContent ?? '').startsWith(start), lead);
      const summary = await importing.textContent('.data-message');
      if (round === 1) {
        // Then each reason in Arabic, after its count in the interface's digits.
        for (const key of ['data_skip_page_note', 'data_skip_duplicate']) expect(summary).toContain(ar(key).replace('$COUNT$ ', ''));
        expect(summary).not.toMatch(/[A-Za-z]/);
      }
      await importing.close();
    }

    const timeline = await driver.openExtensionPage('options.html', '#timeline');
    await timeline.waitForSelector('[data-testid=zoom-level]');
    const zoom = await timeline.getAttribute('[data-testid=zoom-level]', 'data-zoom');
    expect(await timeline.textContent('[data-testid=zoom-level]')).toBe(ar(`timeline_showing_${zoom}`));
    expect(await timeline.textContent('[data-testid=zoom-in]')).toBe(ar('timeline_zoom_in'));
    expect(await timeline.textContent('.type-filter legend')).toBe(ar('timeline_types'));
    await timeline.close();
  });

  it('the card’s labels are Arabic, and it says the corpus text is in English', async () => {
    const page = await driver.open(driver.server.url(CARD_PATH));
    const mark = 'bs-mark[data-entry-id="vladimir-putin"]';
    await page.waitForSelector(mark, { state: 'attached' });
    await page.mouseMove(5, 5);
    await page.hover(mark);
    await page.waitForSelector(`${CARD} .bs-card[data-entry-id="vladimir-putin"]`);
    expect(await page.textContent(`${CARD} [data-testid=corpus-language]`)).toBe(ar('card_corpus_in_english'));
    expect(await page.textContent(`${CARD} [data-action="card-more"]`)).toBe(ar('card_more'));
    expect(await page.textContent(`${CARD} .bs-card__type`)).toBe(ar('type_person'));
    await page.close();
  });
});
