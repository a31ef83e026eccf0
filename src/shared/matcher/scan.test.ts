import { describe, expect, it } from 'vitest';
import { HOT_LOOP_CONSTANTS } from './scan';
import { SKIP, WORD_MIN } from './fold';
import { HASH_PRIME, HASH_SEED } from './tokenize';

describe('scan hot loop', () => {
  it('inlines the same constants as fold.ts and tokenize.ts', () => {
    expect(HOT_LOOP_CONSTANTS).toEqual({ WORD_MIN, SKIP, HASH_SEED, HASH_PRIME });
  });
});
