import { describe, expect, it } from 'vitest';
import { anchorQuote, describeRange } from '.';

const ARTICLE = [
  'Damascus fell to the rebel offensive in December 2024, ending five decades of rule by the Assad family.',
  'Russia, which had intervened in 2015, gave Bashar al-Assad asylum in Moscow within days.',
  'Turkey, which backed several rebel factions, moved quickly to reopen its embassy in the capital.',
  'Iran evacuated its diplomats and advisers as its network of allied militias collapsed.',
].join('\n');

function select(text: string, quote: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture lacks ${quote}`);
  return describeRange(text, start, start + quote.length);
}

describe('describeRange', () => {
  it('keeps up to 32 characters of context either side and the position', () => {
    const [quote, position] = select(ARTICLE, 'gave Bashar al-Assad asylum in Moscow');
    expect(quote.exact).toBe('gave Bashar al-Assad asylum in Moscow');
    expect(quote.prefix).toHaveLength(32);
    expect(ARTICLE.slice(position.start - 32, position.start)).toBe(quote.prefix);
    expect(quote.suffix).toBe(ARTICLE.slice(position.end, position.end + 32));
  });

  it('truncates context at the ends of the text', () => {
    const [quote] = describeRange('Damascus fell.', 0, 8);
    expect(quote).toMatchObject({ exact: 'Damascus', prefix: '', suffix: ' fell.' });
  });

  it('refuses an empty or out-of-range span', () => {
    expect(() => describeRange('abc', 2, 2)).toThrow(RangeError);
    expect(() => describeRange('abc', 0, 9)).toThrow(RangeError);
  });
});

describe('anchorQuote', () => {
  const quoteText = 'gave Bashar al-Assad asylum in Moscow within days';
  const selectors = select(ARTICLE, quoteText);

  it('finds an unchanged page by quote and context', () => {
    const found = anchorQuote(ARTICLE, selectors);
    expect(found).toMatchObject({ start: selectors[1].start, end: selectors[1].end, method: 'context', changed: false });
  });

  it('finds the quote after a paragraph is inserted before it (position moved)', () => {
    const changed = 'Breaking: a new paragraph arrived at the top of the story.\n' + ARTICLE;
    const found = anchorQuote(changed, selectors)!;
    expect(changed.slice(found.start, found.end)).toBe(quoteText);
    expect(found.changed).toBe(false);
    expect(found.start).toBe(selectors[1].start + 59);
  });

  it('prefers the occurrence whose context agrees, not merely the first one', () => {
    const repeated = 'Russia, which had intervened in 2015, declined. ' + ARTICLE;
    const s = select(ARTICLE, 'Russia, which had intervened in 2015, gave');
    const found = anchorQuote(repeated, s)!;
    expect(found.start).toBe(repeated.indexOf('Russia, which had intervened in 2015, gave'));
  });

  it('finds a passage whose context changed but whose quote did not', () => {
    const edited = ARTICLE.replace('Damascus fell to the rebel offensive', 'The capital fell to an offensive').replace('Turkey, which', 'Ankara, which');
    const found = anchorQuote(edited, selectors)!;
    expect(edited.slice(found.start, found.end)).toBe(quoteText);
    expect(found.changed).toBe(false);
  });

  it('finds a passage with a word edited inside the quote and marks it changed', () => {
    const edited = ARTICLE.replace('asylum in Moscow', 'refuge in Moscow');
    const found = anchorQuote(edited, selectors)!;
    expect(found).toMatchObject({ method: 'fuzzy', changed: true });
    expect(edited.slice(found.start, found.end)).toBe('gave Bashar al-Assad refuge in Moscow within days');
  });

  it('finds an edited passage far from its position hint', () => {
    const filler = 'Unrelated reporting on regional trade and weather. '.repeat(400);
    const edited = filler + ARTICLE.replace('asylum in Moscow', 'refuge in Moscow');
    const found = anchorQuote(edited, selectors)!;
    expect(edited.slice(found.start, found.end)).toContain('refuge in Moscow');
    expect(found.changed).toBe(true);
  });

  it('orphans a passage whose paragraph was removed, rather than placing it somewhere wrong', () => {
    const removed = ARTICLE.split('\n').filter((p) => !p.startsWith('Russia')).join('\n');
    expect(anchorQuote(removed, selectors)).toBeNull();
  });

  it('orphans a passage rewritten beyond the error threshold', () => {
    const rewritten = ARTICLE.replace(quoteText, 'let the former president stay in the Russian capital');
    expect(anchorQuote(rewritten, selectors)).toBeNull();
  });

  it('does not place a short quote that lost all its context', () => {
    const s = select(ARTICLE, 'Iran');
    const elsewhere = 'A note on Iran appears in another story entirely.';
    expect(anchorQuote(elsewhere, s)).toBeNull();
  });

  it('uses the position hint when the quote repeats and the context is gone', () => {
    const text = 'alpha beta gamma delta. alpha beta gamma delta. alpha beta gamma delta.';
    const s = describeRange(text, 24, 47);
    const found = anchorQuote(text, s)!;
    expect(found.start).toBe(24);
  });

  it('works with non-BMP characters (UTF-16 offsets)', () => {
    const text = 'Flags 🇸🇾 and 🇷🇺 were raised over the embassy in Damascus today.';
    const start = text.indexOf('🇷🇺 were raised');
    const s = describeRange(text, start, start + '🇷🇺 were raised'.length);
    const found = anchorQuote('Update. ' + text, s)!;
    expect(('Update. ' + text).slice(found.start, found.end)).toBe('🇷🇺 were raised');
  });
});

describe('anchorQuote keeps whole words', () => {
  const text = 'Officials said on Tuesday that the Kremlin expects Putin will end the talks early if the ceasefire collapses, according to Reuters.';
  const selectorsOf = (quote: string) => select(text, quote);

  it('does not cut the last or first word after a word is inserted inside the quote', () => {
    const edited = text.replace('the Kremlin', 'the Russian Kremlin');
    const found = anchorQuote(edited, selectorsOf('the Kremlin expects Putin will end'))!;
    expect(edited.slice(found.start, found.end)).toBe('Kremlin expects Putin will end');
    expect(found).toMatchObject({ method: 'fuzzy', changed: true });
  });

  it('ends on a whole word when the quote lost its last word', () => {
    const edited = text.replace('end the talks early', 'end talks soon');
    const found = anchorQuote(edited, selectorsOf('expects Putin will end the'))!;
    const now = edited.slice(found.start, found.end);
    expect(now).toMatch(/^expects Putin will end( talks)?$/);
  });

  it('keeps a quote that the reader started inside a word where the match put it', () => {
    const quote = 'remlin expects Putin will end the talks';
    const edited = text.replace('Putin will', 'Mr Putin will');
    const found = anchorQuote(edited, selectorsOf(quote))!;
    expect(edited.slice(found.start, found.end)).toBe('remlin expects Mr Putin will end the talks');
  });
});
