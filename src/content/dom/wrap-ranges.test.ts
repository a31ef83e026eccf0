// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { collectPageText } from './page-text';
import { planWraps, unwrapAll, wrapGroup, wrapRanges, type WrapRange } from './wrap-ranges';

function rangesOf(text: string, words: string[]): WrapRange<string>[] {
  const out: WrapRange<string>[] = [];
  for (const w of words) {
    let at = text.indexOf(w);
    while (at >= 0) {
      out.push({ start: at, end: at + w.length, data: w });
      at = text.indexOf(w, at + w.length);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const decorate = (el: HTMLElement, r: WrapRange<string>): void => el.setAttribute('data-word', r.data);

describe('wrapRanges / unwrapAll', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('wraps names across inline elements in pieces and restores the text nodes exactly', () => {
    document.body.innerHTML = '<p>Bashar <b>al-Assad</b> met Putin and Putin.</p><p>Putin again</p>';
    const p = document.querySelector('p')!;
    const original = [...p.childNodes];
    const page = collectPageText([document.body]);
    const made = wrapRanges(page, rangesOf(page.text, ['Bashar al-Assad', 'Putin']), { tagName: 'bs-mark', decorate });
    expect(made.map((m) => m.textContent)).toEqual(['Bashar ', 'al-Assad', 'Putin', 'Putin', 'Putin']);
    expect(made.every((m) => !m.hasAttribute('data-markjs'))).toBe(true);
    expect(document.body.textContent).toBe('Bashar al-Assad met Putin and Putin.Putin again');
    // Wrapping does not change the model's text.
    expect(collectPageText([document.body]).text).toBe(page.text);

    expect(unwrapAll(document, 'bs-mark')).toBe(5);
    expect([...p.childNodes]).toEqual(original);
    expect(p.innerHTML).toBe('Bashar <b>al-Assad</b> met Putin and Putin.');
    expect(document.body.querySelectorAll('p')[1]!.childNodes.length).toBe(1);
  });

  it('keeps a page-owned split between adjacent text nodes', () => {
    const p = document.createElement('p');
    p.append('Hello ', 'Putin', ' there');
    document.body.append(p);
    const page = collectPageText([document.body]);
    wrapRanges(page, rangesOf(page.text, ['Putin']), { tagName: 'bs-mark', decorate });
    unwrapAll(document, 'bs-mark');
    expect([...p.childNodes].map((n) => n.textContent)).toEqual(['Hello ', 'Putin', ' there']);
  });

  it('nests cleanly with a second kind of wrapper, unwrapped in either order', () => {
    for (const order of [['bs-mark', 'bs-highlight'], ['bs-highlight', 'bs-mark']]) {
      document.body.innerHTML = '<p>The talks between Putin and Assad ended.</p>';
      const before = document.body.innerHTML;
      let page = collectPageText([document.body]);
      wrapRanges(page, rangesOf(page.text, ['Putin', 'Assad']), { tagName: 'bs-mark', decorate });
      page = collectPageText([document.body]);
      const at = page.text.indexOf('between Putin and');
      wrapRanges(page, [{ start: at, end: at + 'between Putin and'.length, data: 'h' }], { tagName: 'bs-highlight', decorate });
      expect(document.querySelector('bs-highlight bs-mark, bs-mark bs-highlight')).not.toBeNull();
      unwrapAll(document, order[0]!);
      unwrapAll(document, order[1]!);
      expect(document.body.innerHTML).toBe(before);
      expect(document.querySelector('p')!.childNodes.length).toBe(1);
    }
  });

  it('does not wrap a group whose node another wrapper split after planning', () => {
    document.body.innerHTML = '<p>Rebels reached Aleppo today</p>';
    const page = collectPageText([document.body]);
    const groups = planWraps(page, rangesOf(page.text, ['Aleppo']));
    // A saved highlight is drawn meanwhile: the node now ends before "Aleppo", its text a prefix of the planned one.
    (document.querySelector('p')!.firstChild as Text).splitText(7);
    expect(wrapGroup(groups[0]!, { tagName: 'bs-mark', decorate })).toEqual([]);
    expect(wrapGroup(groups[0]!, { tagName: 'bs-mark', decorate }, false)).toEqual([]);
    expect(document.querySelector('p')!.textContent).toBe('Rebels reached Aleppo today');
    expect(document.querySelectorAll('bs-mark')).toHaveLength(0);
  });

  it('cuts a range crossing blocks at the block boundary', () => {
    document.body.innerHTML = '<p>one two</p><p>three four</p>';
    const page = collectPageText([document.body], { separator: '\n' });
    expect(page.text).toBe('one two\nthree four');
    const made = wrapRanges(page, [{ start: 4, end: 13, data: 'x' }], { tagName: 'bs-highlight', decorate });
    expect(made.map((m) => m.textContent)).toEqual(['two', 'three']);
  });

  it('wraps every name of a text node holding more names than a group holds', () => {
    const text = Array.from({ length: 60 }, (_, i) => `Putin ${i}`).join(', ');
    document.body.innerHTML = `<p>${text} and <i>Assad</i> too</p>`;
    const p = document.querySelector('p')!;
    const original = [...p.childNodes];
    const page = collectPageText([document.body]);
    const made = wrapRanges(page, rangesOf(page.text, ['Putin', 'Assad']), { tagName: 'bs-mark', decorate });
    expect(made.map((m) => m.textContent)).toEqual([...Array<string>(60).fill('Putin'), 'Assad']);
    expect(made.every((m) => m.getAttribute('data-word') === m.textContent && !m.hasAttribute('data-markjs'))).toBe(true);
    expect(collectPageText([document.body]).text).toBe(page.text);
    expect(unwrapAll(document, 'bs-mark')).toBe(61);
    expect([...p.childNodes]).toEqual(original);
    expect(p.innerHTML).toBe(`${text} and <i>Assad</i> too`);
  });

  it('wraps a range over several inline elements, piece by piece, sharing its data', () => {
    document.body.innerHTML = '<p>x <b>Ba</b><i>sh</i>ar al y</p>';
    const page = collectPageText([document.body]);
    const at = page.text.indexOf('Bashar al');
    const made = wrapRanges(page, [{ start: at, end: at + 9, data: 'B' }, { start: at + 10, end: at + 11, data: 'y' }], { tagName: 'bs-mark', decorate });
    expect(made.map((m) => [m.textContent, m.getAttribute('data-word')])).toEqual([['Ba', 'B'], ['sh', 'B'], ['ar al', 'B'], ['y', 'y']]);
    unwrapAll(document, 'bs-mark');
    expect(document.body.innerHTML).toBe('<p>x <b>Ba</b><i>sh</i>ar al y</p>');
  });
});
