import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/shared/corpus';
import { uncoveredNames } from '../corpus-report';

const doc: CorpusDocument = {
  id: 'd',
  title: 't',
  published: '2020',
  publishedInferred: true,
  publishedBasis: 'b',
  seeds: ['s.txt'],
  paragraphs: [
    'Despite the talks, Syrian President Bashar al-Assad met Turkish Foreign Minister Mevlut Cavusoglu in December. The Syrian Observatory for Human Rights and the SNHR counted. Observers said thousands came from Central Asian countries.',
    'However, the Assad regime’s allies met in Moscow. Cavusoglu’s remarks were noted, said the Dimensions Center for Strategic Studies.',
  ],
  origin: 'bundled',
};

describe('uncoveredNames', () => {
  it('lists capitalised names and acronyms that no alias covers, skipping stop words, titles and sentence openers', () => {
    const names = uncoveredNames(
      [doc],
      [{ file: 'x.yaml', entry: { id: 'bashar-al-assad', name: 'Bashar al-Assad', type: 'person', aliases: [{ text: 'Assad' }], summary: [] } }],
    );
    expect(names.map((n) => [n.text, n.kind, n.count])).toEqual([
      ['Cavusoglu', 'name', 1],
      ['Dimensions Center for Strategic Studies', 'name', 1],
      ['Mevlut Cavusoglu', 'name', 1],
      ['Moscow', 'name', 1],
      ['SNHR', 'acronym', 1],
      ['Syrian Observatory for Human Rights', 'name', 1],
    ]);
    expect(names.find((n) => n.text === 'SNHR')!.example.passageId).toBe('d#p0.s1');
  });
});
