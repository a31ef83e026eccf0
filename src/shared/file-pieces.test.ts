import { describe, expect, it } from 'vitest';
import { pieceEnd } from './file-pieces';

describe('pieceEnd', () => {
  it('ends a piece at its size, at the text\'s end, and never inside a surrogate pair', () => {
    expect(pieceEnd('abcdef', 0, 4)).toBe(4);
    expect(pieceEnd('abcdef', 4, 4)).toBe(6);
    // "ab😀c": the emoji is two code units at 2 and 3; a cut at 3 would split it.
    expect(pieceEnd('ab😀c', 0, 3)).toBe(2);
    expect(pieceEnd('ab😀c', 2, 3)).toBe(5);
    // With room for less than a pair, a piece still moves on.
    expect(pieceEnd('😀😀', 0, 1)).toBe(1);
  });
});
