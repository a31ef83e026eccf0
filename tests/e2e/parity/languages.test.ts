/**
 * Issue 19 in both browsers: names in Arabic and Russian are marked with their
 * entries on real-looking pages (`tests/e2e/fixtures/languages-*.html`: an
 * Arabic page with `<html dir="rtl">`, a Russian page in case forms, and an
 * English page quoting Arabic in right-to-left runs), their cards open on
 * hover and from the keyboard, and our page-side UI lays out right to left
 * where the page does: the card, the save toolbar and the note box sit beside
 * the mark or the selection and inside the viewport, page-derived text (the
 * quote, the note) runs in its own direction, and a note's tab sits at the end
 * of the highlight, which is its left on a right-to-left page.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, type Box, type DriverPage } from '../driver';
import { saveScreenshot } from '../screenshots';
import { suiteDriver } from '../suite';
import { selectText } from '../select-text';

const CARD = 'backstory-card-host >>> .bs-popover';
const UI = 'backstory-highlights-ui >>> ';
const TOOLBAR = `${UI}[data-testid="bs-toolbar"]`;
const POPOVER = `${UI}[data-testid="bs-popover"]`;
const VIEWPORT = { width: 1280, height: 900 };

/** Every mark of `languages-ar.html`, in order (density "all"), as [entry id, text]. */
const ARABIC: [string, string][] = [
  // The heading: the bare الشرع ("the law") is licensed by the full name in the next paragraph.
  ['ahmed-al-sharaa', 'الشرع'],
  ['moscow', 'موسكو'],
  ['vladimir-putin', 'بوتين'],
  ['syria', 'سوريا'],
  ['vladimir-putin', 'فلاديمير بوتين'],
  ['ahmed-al-sharaa', 'أحمد الشرع'],
  ['kremlin', 'الكرملين'],
  ['moscow', 'موسكو'],
  ['bashar-al-assad', 'بشار الأسد'],
  ['hmeimim-air-base', 'قاعدة حميميم'],
  ['latakia', 'اللاذقية'],
  ['tartus', 'طرطوس'],
  // An attached preposition is part of the word: "لروسيا" (to Russia), "وسوريا" (and Syria).
  ['russia', 'لروسيا'],
  ['mediterranean-sea', 'البحر المتوسط'],
  ['damascus', 'دمشق'],
  ['bashar-al-assad', 'الأسد'],
  ['moscow', 'موسكو'],
  ['kremlin', 'الكرملين'],
  ['vladimir-putin', 'بوتين'],
  ['russia', 'روسيا'],
  ['syria', 'وسوريا'],
  // The last paragraph's bare الشرع is not marked: a weak Arabic name needs its full name within
  // 300 characters or a title before it (src/shared/matcher/resolve.ts, NEAR_SPAN), and it has neither.
];

/** Every mark of `languages-ru.html`, in order: the names in the cases the sentences put them in. */
const RUSSIAN: [string, string][] = [
  ['vladimir-putin', 'Путин'],
  ['ahmed-al-sharaa', 'аш-Шараа'],
  ['kremlin', 'Кремле'],
  ['russia', 'России'],
  ['vladimir-putin', 'Владимир Путин'],
  ['kremlin', 'Кремле'],
  ['syria', 'Сирии'],
  ['ahmed-al-sharaa', 'Ахмеда аш-Шараа'],
  ['moscow', 'Москву'],
  ['bashar-al-assad', 'Башара Асада'],
  ['hmeimim-air-base', 'Хмеймиме'],
  ['tartus', 'Тартусе'],
  ['bashar-al-assad', 'Асада'],
  ['moscow', 'Москве'],
  ['vladimir-putin', 'Путина'],
  ['russia', 'Россия'],
  ['syria', 'Сирии'],
  // An acronym after a capitalised noun is its genitive in Russian ("the US authorities"), not part of a longer name.
  ['united-states', 'США'],
];

/** Every mark of `languages-rtl-in-ltr.html`: English, then Arabic runs inside the English page. */
const MIXED: [string, string][] = [
  ['moscow', 'Moscow'],
  ['vladimir-putin', 'Vladimir Putin'],
  ['ahmed-al-sharaa', 'Ahmed al-Sharaa'],
  ['kremlin', 'the Kremlin'],
  ['ahmed-al-sharaa', 'الشرع'],
  ['vladimir-putin', 'بوتين'],
  ['moscow', 'موسكو'],
  ['hmeimim-air-base', 'قاعدة حميميم'],
  ['bashar-al-assad', 'بشار الأسد'],
  ['hmeimim-air-base', 'Hmeimim'],
];

interface TabCommands {
  onCommand(command: string, tab?: { id?: number }): Promise<boolean>;
}

/** Whether `box` lies wholly inside the viewport. */
function expectInViewport(box: Box): void {
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
  expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
}

/** Whether `floating` sits right above or right below `anchor` (floating-ui's 8 px offset, a pixel of rounding) and overlaps it horizontally. */
function expectBeside(floating: Box, anchor: Box): void {
  const below = floating.y - (anchor.y + anchor.height);
  const above = anchor.y - (floating.y + floating.height);
  expect(Math.min(Math.abs(below - 8), Math.abs(above - 8))).toBeLessThanOrEqual(2);
  expect(floating.x).toBeLessThan(anchor.x + anchor.width);
  expect(floating.x + floating.width).toBeGreaterThan(anchor.x);
}

/** {@link expectBeside} as a value, to poll for. */
function besides(floating: Box | null, anchor: Box): boolean {
  if (!floating) return false;
  const below = floating.y - (anchor.y + anchor.height);
  const above = anchor.y - (floating.y + floating.height);
  return Math.min(Math.abs(below - 8), Math.abs(above - 8)) <= 2 && floating.x < anchor.x + anchor.width && floating.x + floating.width > anchor.x;
}

describe.each(BROWSERS)('pages in Arabic and Russian, right to left, in %s', (browserName) => {
  // Every mention marked, so the lists above are the whole of each page.
  const driver = suiteDriver(browserName, { everyMention: true });

  async function open(fixture: string): Promise<DriverPage> {
    const page = await driver.open(driver.server.url(`/fixtures/${fixture}`));
    await page.setViewport(VIEWPORT.width, VIEWPORT.height);
    await page.waitForSelector('bs-mark[data-mention]', { state: 'attached' });
    return page;
  }

  /** The page's marks, one per mention (its pieces joined), in document order, once their number settles at `count`. */
  async function marks(page: DriverPage, count: number): Promise<[string, string][]> {
    const read = () =>
      page.evaluate(() => {
        const out: { mention: string; id: string; text: string }[] = [];
        for (const el of document.querySelectorAll('bs-mark[data-mention]')) {
          const mention = el.getAttribute('data-mention')!;
          const last = out.at(-1);
          if (last?.mention === mention) last.text += el.textContent;
          else out.push({ mention, id: el.getAttribute('data-entry-id')!, text: el.textContent ?? '' });
        }
        return out.map((m) => [m.id, m.text] as [string, string]);
      });
    await expect.poll(async () => (await read()).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
    return read();
  }

  async function hover(page: DriverPage, selector: string, id: string): Promise<void> {
    await page.mouseMove(5, 5);
    await page.hover(selector);
    await page.waitForSelector(`${CARD} .bs-card[data-entry-id="${id}"]`);
  }

  /** The placed card's box: placement settles within the frame that shows it. */
  async function cardBox(page: DriverPage): Promise<Box> {
    await expect.poll(() => page.isVisible(CARD)).toBe(true);
    const box = await page.boundingBox(CARD);
    expect(box).not.toBeNull();
    return box!;
  }

  it('marks the names of an Arabic right-to-left page with their entries', async () => {
    const page = await open('languages-ar.html');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await marks(page, ARABIC.length)).toEqual(ARABIC);
    await page.close();
  });

  it('marks Russian names in their case forms with their entries', async () => {
    const page = await open('languages-ru.html');
    expect(await marks(page, RUSSIAN.length)).toEqual(RUSSIAN);
    await page.close();
  });

  it('marks names in right-to-left runs inside a left-to-right page', async () => {
    const page = await open('languages-rtl-in-ltr.html');
    expect(await marks(page, MIXED.length)).toEqual(MIXED);
    await page.close();
  });

  it('an Arabic mark opens its card on hover, beside the mark from its right (its start) and inside the viewport', async () => {
    const page = await open('languages-ar.html');
    await marks(page, ARABIC.length);
    // The heading's first word: at the right edge of the text, where a card hung from the mark's left would run off the page.
    const headingMark = 'h1 bs-mark[data-entry-id="ahmed-al-sharaa"]';
    await hover(page, headingMark, 'ahmed-al-sharaa');
    expect(await page.textContent(`${CARD} #backstory-card-title`)).toBe('Ahmed al-Sharaa');
    let card = await cardBox(page);
    let mark = (await page.boundingBox(headingMark))!;
    expectInViewport(card);
    expectBeside(card, mark);
    // A right-to-left line starts at its right: the card's right edge lines up with the mark's.
    expect(Math.abs(card.x + card.width - (mark.x + mark.width))).toBeLessThanOrEqual(1);
    await saveScreenshot(await page.screenshot(), 'languages-ar-card', browserName);

    // A name in the middle of a line, under where that card is: close it first.
    await page.press('Escape');
    await page.waitForSelector(CARD, { state: 'detached' });
    const midLine = '#bases bs-mark[data-entry-id="hmeimim-air-base"]';
    await hover(page, midLine, 'hmeimim-air-base');
    expect(await page.textContent(`${CARD} #backstory-card-title`)).toMatch(/Hmeimim/);
    card = await cardBox(page);
    mark = (await page.boundingBox(midLine))!;
    expectInViewport(card);
    expectBeside(card, mark);
    expect(Math.abs(card.x + card.width - (mark.x + mark.width))).toBeLessThanOrEqual(1);
    // The card's content is the corpus's English: it reads left to right whatever the page's direction.
    expect(await page.evaluateOn(`${CARD} .bs-card`, (el) => getComputedStyle(el).direction)).toBe('ltr');
    // Nothing of the card is cut off: it is not wider than its box (no mirrored overflow to the left).
    expect(await page.evaluateOn(CARD, (el) => el.scrollWidth <= el.clientWidth && el.scrollLeft === 0)).toBe(true);
    await page.close();
  });

  it('a Russian mark opens its card from the keyboard', async () => {
    const page = await open('languages-ru.html');
    await marks(page, RUSSIAN.length);
    // Focus by the next-mention command (Alt+Shift+K): a page's own focus() of a mark opens nothing.
    const tabId = await driver.tabIdOf(page);
    expect(await driver.evaluateInBackground((bg, id) => (bg.backstoryTabCommands as TabCommands).onCommand('next-mention', { id }), tabId)).toBe(true);
    expect(await page.waitForFunction(() => document.activeElement?.textContent === 'Путин' && document.activeElement.getAttribute('data-entry-id'))).toBe('vladimir-putin');
    await page.waitForSelector(`${CARD} .bs-card[data-entry-id="vladimir-putin"]`);
    expect(await page.textContent(`${CARD} #backstory-card-title`)).toBe('Vladimir Putin');
    expectInViewport(await cardBox(page));
    await page.press('Escape');
    await page.waitForSelector(CARD, { state: 'detached' });
    await page.close();
  });

  it('an Arabic run inside an English page opens its card beside the run, from its right', async () => {
    const page = await open('languages-rtl-in-ltr.html');
    await marks(page, MIXED.length);
    // Near the quote's right, where its lines start: room for the card on the left.
    const inQuote = '#quote bs-mark[data-entry-id="hmeimim-air-base"]';
    await hover(page, inQuote, 'hmeimim-air-base');
    expect(await page.textContent(`${CARD} #backstory-card-title`)).toMatch(/Hmeimim/);
    const card = await cardBox(page);
    const mark = (await page.boundingBox(inQuote))!;
    expectInViewport(card);
    expectBeside(card, mark);
    expect(Math.abs(card.x + card.width - (mark.x + mark.width))).toBeLessThanOrEqual(1);
    // An English name of the same page keeps the left-to-right alignment.
    await page.press('Escape');
    await page.waitForSelector(CARD, { state: 'detached' });
    const english = '#lead bs-mark[data-entry-id="vladimir-putin"]';
    await hover(page, english, 'vladimir-putin');
    const englishCard = await cardBox(page);
    const englishMark = (await page.boundingBox(english))!;
    expectBeside(englishCard, englishMark);
    expect(Math.abs(englishCard.x - englishMark.x)).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('on an Arabic page the save toolbar and the note box sit by the selection; quote and note run right to left; the note tab ends the highlight on its left', async () => {
    const page = await open('languages-ar.html');
    await marks(page, ARABIC.length);
    const quote = 'بتسليم الأسد الذي يقيم في موسكو';
    // The passage spans marks.
    await selectText(page, '#assad', quote);
    // The reader's own key press (Shift, as when extending a selection): a page's synthetic mouseup opens nothing.
    await page.press('Shift');
    await page.waitForSelector(`${TOOLBAR} [data-action="note"]`, { timeout: 20_000 });
    const selection = await page.evaluate(() => {
      const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    // floating-ui places the toolbar once it is drawn: wait for it to come to the selection.
    await expect.poll(async () => besides(await page.boundingBox(TOOLBAR), selection)).toBe(true);
    const toolbar = (await page.boundingBox(TOOLBAR))!;
    expectInViewport(toolbar);
    expectBeside(toolbar, selection);
    // Our controls keep their language's order and direction on a right-to-left page: Save first, on the left, and
    // "Save with note…" ends with its ellipsis (it inherited the page's direction and read "…Save with note").
    const save = (await page.boundingBox(`${TOOLBAR} [data-action="save"]`))!;
    const withNote = (await page.boundingBox(`${TOOLBAR} [data-action="note"]`))!;
    expect(save.x).toBeLessThan(withNote.x);
    expect(await page.evaluateOn(`${TOOLBAR} [data-action="note"]`, (el) => el.matches(':dir(ltr)') && getComputedStyle(el).direction === 'ltr')).toBe(true);
    await saveScreenshot(await page.screenshot(), 'languages-ar-toolbar', browserName);

    await page.click(`${TOOLBAR} [data-action="note"]`);
    await page.waitForSelector(`${POPOVER} iframe.note-frame`);
    const saved = async () => {
      const list = await driver.call('highlights.list', {});
      return list.ok ? list.value.items.find((h) => h.quote === quote) : undefined;
    };
    await expect.poll(saved, { timeout: 10_000 }).toBeDefined();
    const highlight = (await saved())!;
    // The note box beside the new highlight, inside the viewport; the quote it shows reads right to left.
    // The drawn highlight, all its pieces (it spans two marks).
    const drawn = await page.evaluate(() => {
      const rects = [...document.querySelectorAll('bs-highlight')].map((el) => el.getBoundingClientRect());
      const x = Math.min(...rects.map((r) => r.left));
      const y = Math.min(...rects.map((r) => r.top));
      return { x, y, width: Math.max(...rects.map((r) => r.right)) - x, height: Math.max(...rects.map((r) => r.bottom)) - y };
    });
    await expect.poll(async () => besides(await page.boundingBox(POPOVER), drawn)).toBe(true);
    const popover = (await page.boundingBox(POPOVER))!;
    expectInViewport(popover);
    expectBeside(popover, drawn);
    expect(await page.evaluateOn(`${POPOVER} .quote`, (el) => el.matches(':dir(rtl)'))).toBe(true);
    expect(await page.evaluateOn(`${POPOVER} .quote`, (el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await saveScreenshot(await page.screenshot(), 'languages-ar-note', browserName);
    await page.click(`${POPOVER} [data-action="close"]`);

    // An Arabic note, read and edited in the private frame: its box and the card's list show it right to left.
    const note = 'طالبت دمشق بتسليمه مراراً';
    expect((await driver.call('highlights.update', { id: highlight.id, patch: { note } })).ok).toBe(true);
    const noteFrame = await driver.openExtensionPage('private.html', `#note=${encodeURIComponent(highlight.id)}`);
    await noteFrame.waitForSelector('textarea');
    await expect.poll(() => noteFrame.inputValue('textarea')).toBe(note);
    expect(await noteFrame.evaluateOn('textarea', (el) => el.matches(':dir(rtl)'))).toBe(true);
    await noteFrame.close();
    const entryFrame = await driver.openExtensionPage('private.html', '#entry=bashar-al-assad');
    await entryFrame.waitForSelector('[data-highlight-id] .bs-card__note');
    expect(await entryFrame.evaluateOn('[data-highlight-id] .bs-card__quote', (el) => el.matches(':dir(rtl)'))).toBe(true);
    expect(await entryFrame.evaluateOn('[data-highlight-id] .bs-card__note', (el) => el.matches(':dir(rtl)'))).toBe(true);
    await entryFrame.close();

    // Drawn again with its note: the tab marks the highlight's end, which on a right-to-left line is its left.
    await page.reload();
    await page.waitForSelector('bs-highlight[data-note]', { state: 'attached', timeout: 20_000 });
    const tab = await page.evaluate(() => {
      const pieces = [...document.querySelectorAll('bs-highlight[data-note]')];
      const style = getComputedStyle(pieces.at(-1)!);
      return { left: style.borderLeftWidth, right: style.borderRightWidth };
    });
    expect(tab).toEqual({ left: '4px', right: '0px' });
    await page.close();
  }, 90_000);
});
