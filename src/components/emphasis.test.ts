import { describe, expect, it } from 'vitest';
import { emphasisRuns, queryTerms } from './emphasis';

describe('emphasisRuns', () => {
  it('emphasises prefix matches, folding case and diacritics', () => {
    const runs = emphasisRuns('Erdoğan met Putin in Sochi.', queryTerms('erdogan soch'));
    expect(runs.filter((r) => r.match).map((r) => r.text)).toEqual(['Erdoğan', 'Sochi']);
    expect(runs.map((r) => r.text).join('')).toBe('Erdoğan met Putin in Sochi.');
  });

  it('tolerates one typo in longer words and leaves short words exact', () => {
    expect(emphasisRuns('Sharaa flew to Moscow', queryTerms('Moscw')).filter((r) => r.match).map((r) => r.text)).toEqual(['Moscow']);
    expect(emphasisRuns('to go', queryTerms('ta')).some((r) => r.match)).toBe(false);
  });

  it('returns the text untouched for an empty query', () => {
    expect(emphasisRuns('Nothing here', queryTerms(' '))).toEqual([{ text: 'Nothing here', match: false }]);
  });
});
