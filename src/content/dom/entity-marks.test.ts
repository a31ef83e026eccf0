// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { markAt, piecesOfMention, readMark, sameMention, writeMark, type MentionMark } from './entity-marks';

function piece(mark: MentionMark): HTMLElement {
  const el = document.createElement('bs-mark');
  writeMark(el, mark);
  return el;
}

describe('the bs-mark contract', () => {
  it('reads back what it wrote, the mark’s own entry first among the candidates', () => {
    const ambiguous: MentionMark = { entryId: 'georgia-country', type: 'state', candidates: ['georgia-country', 'georgia-us-state'], mention: 7 };
    expect(readMark(piece(ambiguous))).toEqual(ambiguous);
    const plain: MentionMark = { entryId: 'hama', type: 'place', candidates: ['hama'], mention: 0 };
    const el = piece(plain);
    expect(el.hasAttribute('data-candidates')).toBe(false);
    expect(readMark(el)).toEqual(plain);
  });

  it('reads nothing from other elements or a mark a page stripped, and tells the pieces of one mention', () => {
    document.body.innerHTML = '<p><span>Bashar</span> al-Assad</p>';
    expect(readMark(document.querySelector('span')!)).toBeNull();
    expect(readMark(document.createElement('bs-mark'))).toBeNull();

    const mark: MentionMark = { entryId: 'bashar-al-assad', type: 'person', candidates: ['bashar-al-assad'], mention: 3 };
    const first = piece(mark);
    const second = piece(mark);
    const other = piece({ ...mark, mention: 4 });
    const p = document.querySelector('p')!;
    p.append(first, second, other);
    expect(sameMention(first, second)).toBe(true);
    expect(sameMention(first, other)).toBe(false);
    expect(piecesOfMention(document, second)).toEqual([first, second]);
    first.textContent = 'x';
    expect(markAt(first.firstChild!.parentElement)).toBe(first);
    expect(markAt(p)).toBeNull();
  });
});
