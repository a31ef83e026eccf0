import { describe, expect, it } from 'vitest';
import { HOT_LOOP_CONSTANTS } from './scan';
import { APOS, BOUNDARY, FOLD, HARD, NEWLINE, SEP, SKIP, UNKNOWN, WORD_MIN, fold } from './fold';
import { HASH_PRIME, HASH_SEED } from './tokenize';
import { compileMatcher } from './index';

describe('scan hot loop', () => {
  it('inlines the same constants as fold.ts and tokenize.ts', () => {
    expect(HOT_LOOP_CONSTANTS).toEqual({ BOUNDARY, SEP, WORD_MIN, SKIP, UNKNOWN, NEWLINE, APOS, HARD, HASH_SEED, HASH_PRIME });
  });

  it('folds a–z to themselves (the hot loop hashes them without reading FOLD)', () => {
    for (let code = 0x61; code <= 0x7a; code++) expect(FOLD[code]).toBe(code);
  });

  it('fills fold-table blocks on first use, inside a word and at its start', () => {
    // Blocks no alias uses: U+A600 (Cyrillic Extended-B, ꙮ is a letter), U+1E00 (Ḁ folds to a).
    expect(FOLD[0xa66e]).toBe(UNKNOWN);
    expect(FOLD[0x1e00]).toBe(UNKNOWN);
    const m = compileMatcher([{ id: 'h', type: 'place', aliases: [{ text: 'Hama' }, { text: 'Ahama' }] }]);
    // "Hamaꙮ" is one word (the inner loop must not end it at the unknown letter);
    // "ḀHama" starts with one and folds to "ahama".
    expect(m.match('Hamaꙮ, Hama, ḀHama').map((x) => [x.start, x.end])).toEqual([
      [7, 11],
      [13, 18],
    ]);
    expect(FOLD[0xa66e]).not.toBe(UNKNOWN);
    expect(fold(0x1e00)).toBe(0x61);
  });
});
