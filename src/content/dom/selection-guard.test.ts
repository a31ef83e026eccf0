// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { selectionGuard, selectionWatch } from './selection-guard';

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  document.body.innerHTML = '';
});

function setSelection(start: [Node, number], end: [Node, number]): void {
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

describe('selectionGuard', () => {
  it('holds nothing without a selection, or with a caret', () => {
    document.body.innerHTML = '<p>Putin in Hama.</p>';
    const text = document.querySelector('p')!.firstChild!;
    expect(selectionGuard(document)([text])).toBe(false);
    setSelection([text, 3], [text, 3]);
    expect(selectionGuard(document)([text])).toBe(false);
  });

  it('holds the text nodes that hold an end of the selection, and only those', () => {
    document.body.innerHTML = '<p id="a">Putin <b>in</b> Hama.</p><p id="b">Russia.</p><p id="c">Moscow.</p>';
    const [putin, inB, hama] = [...document.querySelector('#a')!.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE ? n : n.firstChild!));
    const russia = document.querySelector('#b')!.firstChild!;
    const moscow = document.querySelector('#c')!.firstChild!;
    setSelection([hama!, 2], [russia, 3]);
    const holds = selectionGuard(document);
    expect(holds([hama!])).toBe(true);
    expect(holds([putin!, inB!, hama!])).toBe(true);
    expect(holds([russia])).toBe(true);
    expect(holds([putin!, inB!])).toBe(false);
    expect(holds([moscow])).toBe(false);
  });

  it('holds the children of an element that holds an end as an offset', () => {
    document.body.innerHTML = '<p id="a">Putin <b>in</b> Hama.</p><p id="b">Russia.</p>';
    const a = document.querySelector('#a')!;
    const inB = a.querySelector('b')!.firstChild!;
    const russia = document.querySelector('#b')!.firstChild!;
    setSelection([a, 1], [russia, 2]);
    const holds = selectionGuard(document);
    expect(holds([a.firstChild!])).toBe(true);
    expect(holds([a.lastChild!])).toBe(true);
    // Deeper text: its parent's children change when it is wrapped, not the selection's element.
    expect(holds([inB])).toBe(false);
  });

  it('reads the selection when made: a later change needs a new guard', () => {
    document.body.innerHTML = '<p>Putin in Hama.</p>';
    const text = document.querySelector('p')!.firstChild!;
    setSelection([text, 0], [text, 5]);
    const before = selectionGuard(document);
    document.getSelection()!.removeAllRanges();
    expect(before([text])).toBe(true);
    expect(selectionGuard(document)([text])).toBe(false);
  });
});

describe('selectionWatch', () => {
  it('reads the selection once, and again only after an event that may have moved it', () => {
    document.body.innerHTML = '<p id="a">Putin in Hama.</p><p id="b">Russia.</p>';
    const putin = document.querySelector('#a')!.firstChild!;
    const russia = document.querySelector('#b')!.firstChild!;
    setSelection([putin, 0], [putin, 5]);
    const selection = document.getSelection()!;
    let reads = 0;
    const getRangeAt = selection.getRangeAt.bind(selection);
    selection.getRangeAt = (index: number) => (reads++, getRangeAt(index));
    const watch = selectionWatch(document);
    expect(watch.current()([putin])).toBe(true);
    expect(watch.current()([russia])).toBe(false);
    expect(reads).toBe(1);

    const movers = [new Event('selectionchange'), new Event('selectstart'), new PointerEvent('pointerdown'), new PointerEvent('pointerup'), new KeyboardEvent('keydown'), new FocusEvent('focusin')];
    for (const event of movers) {
      document.dispatchEvent(event);
      expect(watch.current()([putin])).toBe(true);
    }
    expect(reads).toBe(1 + movers.length);
    // A drag moves the selection; a move without a button pressed does not.
    document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, buttons: 1 }));
    watch.current();
    expect(reads).toBe(2 + movers.length);
    document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, buttons: 0 }));
    watch.current();
    expect(reads).toBe(2 + movers.length);

    watch.stop();
    document.dispatchEvent(new Event('selectionchange'));
    watch.current();
    expect(reads).toBe(2 + movers.length);
  });
});
