// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../shared/anchoring';
import type { Highlight } from '../../shared/highlight';
import { t } from '../../shared/i18n';
import { wrapRanges } from '../dom/wrap-ranges';
import { collectText } from './draw';
import { SavedHighlights, type BackgroundCaller } from './saved-highlights';
import type { HighlightsUi, UiActions, UiState } from './ui/highlights-ui';

(globalThis as { __DEV__?: boolean }).__DEV__ = true;

/** A saved highlight of the first occurrence of `quote` in the page as it is now. */
function highlightOf(id: string, quote: string): Highlight {
  const text = collectText(document.body).text;
  const start = text.indexOf(quote);
  return { id, url: location.href, site: location.hostname, title: '', quote, selectors: describeRange(text, start, start + quote.length), colour: 'yellow', note: '', entityIds: [], createdAt: 1, updatedAt: 1 };
}

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
const refused: Answer = { ok: false, error: { code: 'internal', message: 'not here' } };

/**
 * A fake background: `highlights.forPage` answers `highlights`; other calls are
 * answered by `answer` (refused by default) and recorded in `calls`.
 */
function fakeBackground(highlights: Highlight[], answer: (call: string, params: never) => Answer = () => refused) {
  const calls: { call: string; params: unknown }[] = [];
  const caller = (async (call: string, params: never) => {
    if (call === 'highlights.forPage') return { ok: true, value: highlights };
    calls.push({ call, params });
    return answer(call, params);
  }) as unknown as BackgroundCaller;
  return { caller, calls };
}

/** A UI that shows nothing: the test reads what would be shown and acts as the reader through its actions. */
function fakeUi() {
  const seen: { state: UiState | undefined; actions: UiActions | undefined; destroyed: boolean } = { state: undefined, actions: undefined, destroyed: false };
  const ui = (_doc: Document, actions: UiActions): HighlightsUi => {
    seen.actions = actions;
    return { show: (state) => void (seen.state = state), destroy: () => void (seen.destroyed = true) };
  };
  return { ui, seen };
}

/** Selects `[from, to)` of the first text node of `selector`. */
function select(selector: string, from: string, to: string): Range {
  const text = document.querySelector(selector)!.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, text.data.indexOf(from));
  range.setEnd(text, to === '' ? text.length : text.data.indexOf(to));
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  return range;
}

/** The reader's focus in our UI (a click on a toolbar button): a host as the real UI's, so the selection going does not close the toolbar. */
function focusOurUi(): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute('data-backstory-ui', '');
  host.tabIndex = -1;
  document.documentElement.append(host);
  host.focus();
  return host;
}

const shiftUp = (): boolean => document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', shiftKey: true, bubbles: true }));
const reader = { trusted: () => true };
const drawnTexts = (): string[] => [...document.querySelectorAll('bs-highlight')].map((el) => el.textContent ?? '');

let session: AbortController | undefined;
afterEach(() => {
  session?.abort();
  document.getSelection()?.removeAllRanges();
  document.body.innerHTML = '';
  // A failed test's stand-in UI host must not look like a host the next test opened.
  for (const host of document.querySelectorAll('[data-backstory-ui]')) host.remove();
});

describe('SavedHighlights: placing', () => {
  it('draws a highlight under an end of the selection only once the selection moves off it, leaving the selection as it was', async () => {
    document.body.innerHTML = '<p id="a">Rebel columns reached the outskirts of Aleppo within days.</p><p id="b">Turkey reopened its embassy.</p>';
    const highlights = [highlightOf('h1', 'the outskirts of Aleppo'), highlightOf('h2', 'embassy')];
    // The reader selects from inside the saved passage to past its end while the page loads.
    const selection = document.getSelection()!;
    select('#a', 'Aleppo', ' days');

    session = new AbortController();
    const saved = new SavedHighlights(session.signal, fakeBackground(highlights).caller, document);
    await saved.start();
    expect(selection.toString()).toBe('Aleppo within');
    expect(drawnTexts()).toEqual(['embassy']);
    // Placed, so not an orphan: it is only waiting.
    expect(saved.highlights().map((h) => h.id).sort()).toEqual(['h1', 'h2']);
    expect(saved.orphans()).toEqual([]);

    selection.collapseToEnd();
    await expect.poll(() => drawnTexts(), { timeout: 3000 }).toEqual(['the outskirts of Aleppo', 'embassy']);
    expect(saved.highlights().map((h) => h.id).sort()).toEqual(['h1', 'h2']);
  });

  it('lists a highlight whose text is not on the page as an orphan, and restores the page’s text nodes on abort', async () => {
    document.body.innerHTML = '<p>Turkey reopened its embassy.</p>';
    const here = highlightOf('h1', 'embassy');
    const gone = { ...highlightOf('h2', 'Turkey'), quote: 'a consulate in Mosul', selectors: describeRange('a consulate in Mosul', 0, 20) };
    session = new AbortController();
    const saved = new SavedHighlights(session.signal, fakeBackground([here, gone]).caller, document);
    await saved.start();
    expect(drawnTexts()).toEqual(['embassy']);
    expect(saved.orphans().map((h) => h.id)).toEqual(['h2']);
    expect(saved.reveal('h1')).toBe(true);
    expect(saved.reveal('h2')).toBe(false);

    session.abort();
    expect(drawnTexts()).toEqual([]);
    expect(document.querySelector('p')!.childNodes.length).toBe(1);
  });
});

describe('SavedHighlights: saving', () => {
  it('saves from the toolbar what was selected when it opened, though a mark drawn since moved its live range', async () => {
    document.body.innerHTML = '<p>Rebel columns reached the outskirts of Aleppo within days.</p>';
    const { caller, calls } = fakeBackground([], (call, params: { quote: string; entityIds: string[] }) =>
      call === 'highlights.create' ? { ok: true, value: { ...highlightOf('h1', params.quote), entityIds: params.entityIds } } : refused,
    );
    const { ui, seen } = fakeUi();
    session = new AbortController();
    const saved = new SavedHighlights(session.signal, caller, document, { ...reader, ui });
    await saved.start();

    const range = select('p', 'the outskirts', ' within');
    shiftUp();
    expect(seen.state?.toolbar).not.toBeNull();
    // The reader clicks into the note field (focus in our UI's host): the document selection goes, and a pass marks "Aleppo".
    const host = focusOurUi();
    const live = range.cloneRange();
    document.getSelection()!.removeAllRanges();
    const page = collectText(document.body);
    const at = page.text.indexOf('Aleppo');
    wrapRanges(page, [{ start: at, end: at + 'Aleppo'.length, data: 'aleppo' }], {
      tagName: 'bs-mark',
      decorate: (el) => el.setAttribute('data-entry-id', 'aleppo'),
    });
    // A live range over that text no longer reaches "Aleppo".
    expect(live.toString()).toBe('the outskirts of ');
    expect(seen.state?.toolbar).not.toBeNull();

    seen.actions!.save(false);
    await expect.poll(() => seen.state?.toolbar).toBeNull();
    const created = calls.filter((c) => c.call === 'highlights.create').map((c) => c.params as { quote: string; entityIds: string[] });
    expect(created.map((c) => c.quote)).toEqual(['the outskirts of Aleppo']);
    expect(created[0]!.entityIds).toEqual(['aleppo']);
    expect(saved.highlights().map((h) => h.id)).toEqual(['h1']);
    expect(drawnTexts().join('')).toBe('the outskirts of Aleppo');
    host.remove();
  });

  it('“Save with note…” opens the saved highlight’s popover with its note box focused', async () => {
    document.body.innerHTML = '<p>Turkey reopened its embassy.</p>';
    const { caller } = fakeBackground([], (call, params: { quote: string }) => (call === 'highlights.create' ? { ok: true, value: highlightOf('h1', params.quote) } : refused));
    const { ui, seen } = fakeUi();
    session = new AbortController();
    await new SavedHighlights(session.signal, caller, document, { ...reader, ui, noteFrameHref: (id, focus) => `frame#${id}/${focus}` }).start();
    select('p', 'embassy', '.');
    shiftUp();
    seen.actions!.save(true);
    await expect.poll(() => seen.state?.popover?.highlight.id).toBe('h1');
    expect(seen.state).toMatchObject({ toolbar: null, popover: { noteFrameSrc: 'frame#h1/true', focusNote: true } });
  });

  it('erases the drawn passage and says so in the toolbar when the background refuses to store it', async () => {
    document.body.innerHTML = '<p>Turkey reopened its embassy.</p>';
    const { ui, seen } = fakeUi();
    session = new AbortController();
    const saved = new SavedHighlights(session.signal, fakeBackground([]).caller, document, { ...reader, ui });
    await saved.start();
    select('p', 'embassy', '.');
    shiftUp();
    const host = focusOurUi();
    seen.actions!.save(false);
    await expect.poll(() => seen.state?.toolbar?.error).toBe(t('private_not_saved', 'not here'));
    expect(drawnTexts()).toEqual([]);
    expect(document.querySelector('p')!.childNodes.length).toBe(1);
    expect(saved.highlights()).toEqual([]);
    host.remove();
  });

  it('asks for a selection when the command saves with nothing selected', async () => {
    document.body.innerHTML = '<p>Turkey reopened its embassy.</p>';
    const { ui, seen } = fakeUi();
    const { caller, calls } = fakeBackground([]);
    session = new AbortController();
    const saved = new SavedHighlights(session.signal, caller, document, { ...reader, ui });
    await saved.start();
    expect(await saved.saveSelection()).toBe(false);
    expect(seen.state?.toast?.message).toBe(t('hl_select_first'));
    expect(calls).toEqual([]);
  });

  it('opens a highlight or the toolbar on the reader’s input only, never on a page script’s synthetic events', async () => {
    for (const trusted of [undefined, () => true]) {
      document.body.innerHTML = '<p>Turkey reopened its embassy.</p>';
      session = new AbortController();
      await new SavedHighlights(session.signal, fakeBackground([highlightOf('h1', 'embassy')]).caller, document, { trusted }).start();
      const piece = document.querySelector('bs-highlight')!;
      piece.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('p')!);
      document.getSelection()!.addRange(range);
      shiftUp();
      // Untrusted: no UI host at all. Taken as the reader's: the popover's host appears.
      expect(document.querySelector('[data-backstory-ui]') !== null).toBe(trusted !== undefined);
      document.getSelection()!.removeAllRanges();
      session.abort();
    }
  });
});

describe('SavedHighlights: editing', () => {
  it('deletes an opened highlight, and its toast’s Undo restores and redraws it', async () => {
    document.body.innerHTML = '<p>Turkey reopened its embassy.</p>';
    const h1 = highlightOf('h1', 'embassy');
    const { caller, calls } = fakeBackground([h1], (call) => (call === 'highlights.delete' ? { ok: true, value: [h1] } : call === 'highlights.restore' ? { ok: true, value: undefined } : refused));
    const { ui, seen } = fakeUi();
    session = new AbortController();
    const saved = new SavedHighlights(session.signal, caller, document, { ...reader, ui });
    await saved.start();
    document.querySelector('bs-highlight')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(seen.state?.popover?.highlight.id).toBe('h1');

    seen.actions!.deleteHighlight('h1');
    await expect.poll(() => seen.state?.toast?.message).toBe(t('hl_deleted'));
    expect(seen.state?.popover).toBeNull();
    expect(drawnTexts()).toEqual([]);
    expect(saved.highlights()).toEqual([]);

    seen.state!.toast!.undo!();
    await expect.poll(() => seen.state?.toast?.message).toBe(t('hl_restored'));
    expect(calls.map((c) => c.call)).toEqual(['highlights.delete', 'highlights.restore']);
    expect(drawnTexts()).toEqual(['embassy']);
    expect(saved.highlights().map((h) => h.id)).toEqual(['h1']);
  });

  it('repaints a highlight in its new colour, and shows a refused change in the popover', async () => {
    document.body.innerHTML = '<p>Turkey reopened its embassy.</p>';
    const h1 = highlightOf('h1', 'embassy');
    let refuse = true;
    const { caller } = fakeBackground([h1], (call) => (call === 'highlights.update' && !refuse ? { ok: true, value: { ...h1, colour: 'blue' } } : refused));
    const { ui, seen } = fakeUi();
    session = new AbortController();
    await new SavedHighlights(session.signal, caller, document, { ...reader, ui }).start();
    const piece = document.querySelector<HTMLElement>('bs-highlight')!;
    piece.focus();
    piece.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(seen.state?.popover?.highlight.id).toBe('h1');

    seen.actions!.updateHighlight('h1', { colour: 'blue' });
    await expect.poll(() => seen.state?.popover?.error).toBe(t('private_not_saved', 'not here'));
    expect(piece.getAttribute('data-colour')).toBe('yellow');

    refuse = false;
    // The reader picks the colour in the popover: the focus is in our UI, and goes back to the highlight as it closes.
    focusOurUi();
    seen.actions!.updateHighlight('h1', { colour: 'blue' });
    await expect.poll(() => seen.state?.popover).toBeNull();
    expect(piece.getAttribute('data-colour')).toBe('blue');
    expect(document.activeElement).toBe(piece);
  });

  it('closes the popover on a pointer down off the highlight, and as the private frame’s Escape asks', async () => {
    document.body.innerHTML = '<p>Turkey reopened its embassy.</p>';
    const { ui, seen } = fakeUi();
    session = new AbortController();
    const saved = new SavedHighlights(session.signal, fakeBackground([highlightOf('h1', 'embassy')]).caller, document, { ...reader, ui });
    await saved.start();
    const piece = document.querySelector('bs-highlight')!;
    expect(saved.closeNote()).toBe(false);
    piece.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    piece.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(seen.state?.popover).not.toBeNull();
    document.querySelector('p')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(seen.state?.popover).toBeNull();
    piece.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(saved.closeNote()).toBe(true);
    expect(seen.state?.popover).toBeNull();
  });
});
