// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { describeRange } from '../../shared/anchoring';
import type { Highlight } from '../../shared/highlight';
import { wrapRanges } from '../dom/wrap-ranges';
import { collectText } from './draw';
import { SavedHighlights, type BackgroundCaller } from './saved-highlights';

(globalThis as { __DEV__?: boolean }).__DEV__ = true;

/** A saved highlight of the first occurrence of `quote` in the page as it is now. */
function highlightOf(id: string, quote: string): Highlight {
  const text = collectText(document.body).text;
  const start = text.indexOf(quote);
  return { id, url: location.href, site: location.hostname, title: '', quote, selectors: describeRange(text, start, start + quote.length), colour: 'yellow', note: '', entityIds: [], createdAt: 1, updatedAt: 1 };
}

/** A background that has `highlights` for this page and refuses everything else. */
function backgroundWith(highlights: Highlight[]): BackgroundCaller {
  return (async (call: string) => (call === 'highlights.forPage' ? { ok: true, value: highlights } : { ok: false, error: { code: 'internal', message: 'not here' } })) as BackgroundCaller;
}

const drawnTexts = (): string[] => [...document.querySelectorAll('bs-highlight')].map((el) => el.textContent ?? '');

let session: AbortController | undefined;
afterEach(() => {
  session?.abort();
  document.getSelection()?.removeAllRanges();
  document.body.innerHTML = '';
});

describe('SavedHighlights', () => {
  it('draws a highlight under an end of the selection only once the selection moves off it, leaving the selection as it was', async () => {
    document.body.innerHTML = '<p id="a">Rebel columns reached the outskirts of Aleppo within days.</p><p id="b">Turkey reopened its embassy.</p>';
    const highlights = [highlightOf('h1', 'the outskirts of Aleppo'), highlightOf('h2', 'embassy')];
    // The reader selects from inside the saved passage to past its end while the page loads.
    const text = document.querySelector('#a')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, text.data.indexOf('Aleppo'));
    range.setEnd(text, text.data.indexOf(' days'));
    const selection = document.getSelection()!;
    selection.addRange(range);

    session = new AbortController();
    const saved = new SavedHighlights(session.signal, backgroundWith(highlights), document);
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

  it('saves from the toolbar what was selected when it opened, though a mark drawn since moved its live range', async () => {
    document.body.innerHTML = '<p>Rebel columns reached the outskirts of Aleppo within days.</p>';
    const created: { quote: string; entityIds: string[] }[] = [];
    const background = (async (call: string, params: { quote: string; entityIds: string[] }) => {
      if (call === 'highlights.forPage') return { ok: true, value: [] };
      if (call === 'highlights.create') {
        created.push(params);
        return { ok: true, value: { ...highlightOf('h1', params.quote), entityIds: params.entityIds } };
      }
      return { ok: false, error: { code: 'internal', message: 'not here' } };
    }) as unknown as BackgroundCaller;
    session = new AbortController();
    const saved = new SavedHighlights(session.signal, background, document);
    await saved.start();

    const text = document.querySelector('p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, text.data.indexOf('the outskirts'));
    range.setEnd(text, text.data.indexOf(' within'));
    document.getSelection()!.addRange(range);
    const internals = saved as unknown as { showToolbarForSelection(): void; saveFromToolbar(withNote: boolean): Promise<void>; toolbarRange: Range | null };
    internals.showToolbarForSelection();
    // The reader clicks into the note field (focus in our UI's host): the document selection goes, and a pass marks "Aleppo".
    const host = document.querySelector<HTMLElement>('[data-backstory-ui]')!;
    host.tabIndex = -1;
    host.focus();
    document.getSelection()!.removeAllRanges();
    const page = collectText(document.body);
    const at = page.text.indexOf('Aleppo');
    wrapRanges(page, [{ start: at, end: at + 'Aleppo'.length, data: 'aleppo' }], {
      tagName: 'bs-mark',
      decorate: (el) => el.setAttribute('data-entry-id', 'aleppo'),
    });
    expect(internals.toolbarRange!.toString()).toBe('the outskirts of ');

    await internals.saveFromToolbar(false);
    expect(created.map((c) => c.quote)).toEqual(['the outskirts of Aleppo']);
    expect(created[0]!.entityIds).toEqual(['aleppo']);
  });

  it('opens a highlight or the toolbar on the reader’s input only, never on a page script’s synthetic events', async () => {
    for (const trusted of [undefined, () => true]) {
      document.body.innerHTML = '<p>Turkey reopened its embassy.</p>';
      session = new AbortController();
      await new SavedHighlights(session.signal, backgroundWith([highlightOf('h1', 'embassy')]), document, { trusted }).start();
      const piece = document.querySelector('bs-highlight')!;
      piece.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('p')!);
      document.getSelection()!.addRange(range);
      document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', shiftKey: true, bubbles: true }));
      // Untrusted: no UI host at all. Taken as the reader's: the popover's host appears.
      expect(document.querySelector('[data-backstory-ui]') !== null).toBe(trusted !== undefined);
      document.getSelection()!.removeAllRanges();
      session.abort();
    }
  });
});
