// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectPageText } from './page-text';

describe('collectPageText', () => {
  it('joins inline boundaries and separates blocks', () => {
    document.body.innerHTML = '<div><p>Bashar <b>al-<i>Assad</i></b> spoke</p><ul><li>Putin</li><li>Erdogan</li></ul>tail</div>';
    const page = collectPageText([document.body]);
    expect(page.text).toBe('Bashar al-Assad spoke\u0000Putin\u0000Erdogan\u0000tail');
    expect(page.blocks.map((b) => page.text.slice(b.start, b.end))).toEqual(['Bashar al-Assad spoke', 'Putin', 'Erdogan', 'tail']);
  });

  it('skips scripts, form fields, editable regions, code, hidden content and our UI', () => {
    document.body.innerHTML = `<p>a</p><script>var Putin</script><style>.x{}</style><textarea>Putin</textarea><input value="Putin">
      <div contenteditable="true">Putin</div><div contenteditable="false">b</div><code>Putin</code><pre>Putin</pre>
      <p hidden>Putin</p><p aria-hidden="true">Putin</p><span style="display:none">Putin</span>
      <div data-backstory-ui>Putin</div><svg><text>Putin</text></svg><p>c</p>`;
    const page = collectPageText([document.body], { separator: '|' });
    expect(page.text).not.toContain('Putin');
    expect(page.text.replace(/[\s|]/g, '')).toBe('abc');
  });

  it('maps offsets back to DOM positions and ranges', () => {
    document.body.innerHTML = '<p>Bashar <b>al-Assad</b></p><p>Putin</p>';
    const page = collectPageText([document.body]);
    const at = page.text.indexOf('al-Assad');
    expect(page.locate(at)).toEqual({ node: document.querySelector('b')!.firstChild, offset: 0 });
    const range = page.toRange(0, at + 8)!;
    expect(range.toString()).toBe('Bashar al-Assad');
    // An end at a block boundary ends the previous node; a start there begins the next.
    const sep = page.text.indexOf('\u0000');
    expect(page.locate(sep, 'backward')).toEqual({ node: document.querySelector('b')!.firstChild, offset: 8 });
    expect(page.locate(sep + 1, 'forward')!.node.data).toBe('Putin');
    expect(page.offsetOf(document.querySelectorAll('p')[1]!.firstChild!, 2)).toBe(sep + 3);
    expect(page.isCurrent()).toBe(true);
    document.querySelector('b')!.textContent = 'changed';
    expect(page.isCurrent()).toBe(false);
  });

  it('leaves out excluded elements as a boundary', () => {
    document.body.innerHTML = '<p>Vladimir <bs-mark>Putin</bs-mark> said</p>';
    const page = collectPageText([document.body], { exclude: (el) => el.tagName === 'BS-MARK', separator: '|' });
    expect(page.text).toBe('Vladimir | said');
  });
});
