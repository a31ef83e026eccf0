import { describe, expect, it } from 'vitest';
import { mentionRuns } from './mention-runs';

const m = (start: number, end: number, entryId: string) => ({ start, end, entryId, candidates: [entryId], weak: false });

describe('mentionRuns', () => {
  it('covers the text exactly, mentions as their own runs', () => {
    const text = 'Putin met Erdoğan.';
    const runs = mentionRuns(text, [m(10, 17, 'erdogan'), m(0, 5, 'putin')]);
    expect(runs.map((r) => [r.text, r.match?.entryId])).toEqual([
      ['Putin', 'putin'],
      [' met ', undefined],
      ['Erdoğan', 'erdogan'],
      ['.', undefined],
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it('skips overlapping and out-of-range matches', () => {
    const runs = mentionRuns('abc', [m(0, 2, 'a'), m(1, 3, 'b'), m(2, 9, 'c')]);
    expect(runs.map((r) => r.text).join('')).toBe('abc');
    expect(runs.filter((r) => r.match).length).toBe(1);
  });
});
