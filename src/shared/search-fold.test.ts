import { describe, expect, it } from 'vitest';
import { foldForSearch } from './search-fold';

describe('foldForSearch', () => {
  it('folds case and diacritics, ASCII or not', () => {
    expect(foldForSearch('Erdoğan MET Putin')).toBe('erdogan met putin');
    expect(foldForSearch('Plain ASCII, Only')).toBe('plain ascii, only');
    expect(foldForSearch('Ünïcödé')).toBe('unicode');
  });
});
