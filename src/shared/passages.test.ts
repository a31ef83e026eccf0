import { describe, expect, it } from 'vitest';
import { splitPassages, splitSentences } from './passages';

describe('splitSentences', () => {
  it('splits on full stops, question and exclamation marks', () => {
    expect(splitSentences('Assad fled. Did Moscow help? It did! The end.')).toEqual([
      'Assad fled.',
      'Did Moscow help?',
      'It did!',
      'The end.',
    ]);
  });

  it('keeps abbreviations and initials inside the sentence', () => {
    expect(splitSentences('Mr. Putin met Dr. Smith and Gen. Gerasimov in St. Petersburg. They talked.')).toEqual([
      'Mr. Putin met Dr. Smith and Gen. Gerasimov in St. Petersburg.',
      'They talked.',
    ]);
    expect(splitSentences('J. Smith and George W. Bush spoke. Then they left.')).toEqual([
      'J. Smith and George W. Bush spoke.',
      'Then they left.',
    ]);
  });

  it('handles dotted acronyms mid-sentence and at the end of a sentence', () => {
    expect(splitSentences('The U.S. and the U.N. Security Council disagreed at 10 a.m. The talks ended.')).toEqual([
      'The U.S. and the U.N. Security Council disagreed at 10 a.m.',
      'The talks ended.',
    ]);
    expect(splitSentences('Troops left the U.S. Army base. They moved on.')).toEqual([
      'Troops left the U.S. Army base.',
      'They moved on.',
    ]);
  });

  it('does not split decimals or numbered abbreviations', () => {
    expect(splitSentences('Growth was 3.5 percent in Oct. 2020 under resolution No. 2254. Prices rose.')).toEqual([
      'Growth was 3.5 percent in Oct. 2020 under resolution No. 2254.',
      'Prices rose.',
    ]);
  });

  it('keeps closing quotes with the sentence they end', () => {
    expect(splitSentences('He said: “Damascus takes everything.” Next came the reply.')).toEqual([
      'He said: “Damascus takes everything.”',
      'Next came the reply.',
    ]);
    expect(splitSentences('“Why?” he asked. “Because,” she said.')).toEqual(['“Why?” he asked.', '“Because,” she said.']);
    expect(splitSentences('It ended (finally.) Then peace.')).toEqual(['It ended (finally.)', 'Then peace.']);
  });

  it('handles ellipses', () => {
    expect(splitSentences('Assad, Erdogan...and Putin met. Western aid…as ever. He waited... Then he spoke.')).toEqual([
      'Assad, Erdogan...and Putin met.',
      'Western aid…as ever.',
      'He waited...',
      'Then he spoke.',
    ]);
  });

  it('starts a sentence at a digit or an opening quote, not at a lower-case word', () => {
    expect(splitSentences('It rose. 2015 was worse. “Help us,” he said. e.g. not this.')).toEqual([
      'It rose.',
      '2015 was worse.',
      '“Help us,” he said. e.g. not this.',
    ]);
  });

  it('returns a sentence without a final stop and ignores empty text', () => {
    expect(splitSentences('  A caption without a stop  ')).toEqual(['A caption without a stop']);
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('splitPassages', () => {
  it('numbers passages by paragraph and sentence, zero-based', () => {
    const passages = splitPassages({ id: 'doc', paragraphs: ['One. Two.', 'Three?'] });
    expect(passages).toEqual([
      { id: 'doc#p0.s0', documentId: 'doc', paragraph: 0, sentence: 0, text: 'One.' },
      { id: 'doc#p0.s1', documentId: 'doc', paragraph: 0, sentence: 1, text: 'Two.' },
      { id: 'doc#p1.s0', documentId: 'doc', paragraph: 1, sentence: 0, text: 'Three?' },
    ]);
  });
});
