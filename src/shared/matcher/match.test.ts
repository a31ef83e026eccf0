import { describe, expect, it } from 'vitest';
import { aliasKey, compileMatcher } from './index';
import { matchChunks, validChunkBounds } from './match-chunks';
import type { MatchOptions, MatcherEntry } from './index';
import type { AliasSpec } from '../catalog';

/** A person entry with plain-string or flagged aliases. */
function entry(id: string, ...aliases: (string | AliasSpec)[]): MatcherEntry {
  return { id, type: 'person', aliases: aliases.map((a) => (typeof a === 'string' ? { text: a } : a)) };
}

const CATALOG: MatcherEntry[] = [
  entry('bashar-al-assad', 'Bashar al-Assad', { text: 'Assad', weak: true }),
  entry('vladimir-putin', 'Vladimir Putin', 'Putin'),
  entry('hama', 'Hama'),
  entry('hamas', 'Hamas'),
  entry('ahmed-al-sharaa', 'Ahmed al-Sharaa', 'al-Sharaa'),
  entry('erdogan', 'Recep Tayyip Erdoğan', 'Erdoğan'),
  entry('ocalan', 'Abdullah Öcalan'),
  entry('united-states', 'United States', { text: 'US', caseSensitive: true }, { text: 'U.S.' }),
  entry('islamic-state', 'Islamic State', { text: 'IS', caseSensitive: true }),
  entry('moscow', 'Москва'),
  entry('athens', 'Αθήνα'),
  entry('aleppo', 'حلب'),
];

/** The surface forms found, in order, with their entry. */
function found(text: string, entries: MatcherEntry[] = CATALOG, options?: MatchOptions): string[] {
  return compileMatcher(entries)
    .match(text, options)
    .map((m) => `${text.slice(m.start, m.end)}=${m.entryId}`);
}

describe('whole words', () => {
  it('does not find a name inside a longer word', () => {
    expect(found('Hamas fighters')).toEqual(['Hamas=hamas']);
    expect(found('Putinism and Putinist views')).toEqual([]);
    expect(found('Hamaville, rehama, Hama.')).toEqual(['Hama=hama']);
    expect(found('Sharia law', [entry('sharaa', 'Sharaa')])).toEqual([]);
    expect(found('Sharaa spoke', [entry('sharaa', 'Sharaa')])).toEqual(['Sharaa=sharaa']);
  });

  it('treats accented, Cyrillic, Greek and Arabic letters as word characters', () => {
    expect(found('Erdoğanist')).toEqual([]);
    expect(found('в Москвау и в Москва.')).toEqual(['Москва=moscow']);
    expect(found('Αθήνας, Αθήνα')).toEqual(['Αθήνα=athens']);
    expect(found('حلبي حلب')).toEqual(['حلب=aleppo']);
  });

  it('treats digits as word characters', () => {
    expect(found('Hama2 and 2Hama and Hama 22a')).toEqual(['Hama=hama']);
  });

  it('finds names at the very start and end of the text', () => {
    expect(found('Hama')).toEqual(['Hama=hama']);
    expect(found('Putin')).toEqual(['Putin=vladimir-putin']);
  });
});

describe('words with the same hash', () => {
  // "tcbuaa" and "xbaeea" have the same 30-bit word hash: the compiler keys
  // words by hash, so it must still tell them apart by their text.
  it('keeps two words whose hashes collide apart, in both orders', () => {
    const entries = [entry('first', 'Tcbuaa', 'Tcbuaa Ridge'), entry('second', 'Xbaeea', 'Xbaeea Ridge')];
    expect(found('Tcbuaa met Xbaeea at Xbaeea Ridge.', entries)).toEqual(['Tcbuaa=first', 'Xbaeea=second', 'Xbaeea Ridge=second']);
    expect(found('Xbaeea Ridge, then Tcbuaa Ridge.', [...entries].reverse())).toEqual(['Xbaeea Ridge=second', 'Tcbuaa Ridge=first']);
  });

  it('gives aliases with the same words one group, whatever their spelling', () => {
    const entries = [entry('one', 'Bashar al-Assad'), entry('two', 'Bashar Assad')];
    expect(compileMatcher(entries).match('Bashar al-Assad')[0]!.candidates).toEqual(['one', 'two']);
  });
});

describe('longest match first', () => {
  it('reports a full name once, not its parts', () => {
    expect(found('Vladimir Putin said')).toEqual(['Vladimir Putin=vladimir-putin']);
    expect(found('Bashar al-Assad and Putin')).toEqual(['Bashar al-Assad=bashar-al-assad', 'Putin=vladimir-putin']);
  });

  it('falls back to a shorter alias when the longer one does not complete', () => {
    const entries = [entry('a', 'Syrian Democratic Forces'), entry('b', 'Syrian')];
    expect(found('Syrian Democratic Party', entries)).toEqual(['Syrian=b']);
    expect(found('the Syrian Democratic Forces', entries)).toEqual(['Syrian Democratic Forces=a']);
  });

  it('does not overlap mentions', () => {
    const entries = [entry('a', 'New York'), entry('b', 'York Times'), entry('c', 'Times')];
    expect(found('New York Times', entries)).toEqual(['New York=a', 'Times=c']);
  });
});

describe('case', () => {
  it('folds case for names, but a lower-case word is no proper name', () => {
    expect(found('HAMA and hama and HaMa')).toEqual(['HAMA=hama', 'HaMa=hama']);
  });

  it('matches a case-sensitive alias only in its exact case', () => {
    expect(found('tell us about the US')).toEqual(['US=united-states']);
    expect(found('Us and uS')).toEqual([]);
    expect(found('it is IS, not is')).toEqual(['IS=islamic-state']);
  });

  it('keeps the case-insensitive claims of a key when a case-sensitive claim does not fit', () => {
    const entries = [
      entry('union', { text: 'US', caseSensitive: true, shared: true }),
      entry('word', { text: 'us', shared: true, weak: false }),
    ];
    expect(found('us', entries)).toEqual(['us=word']);
    const both = compileMatcher(entries).match('US');
    expect(both[0]?.candidates).toEqual(['union', 'word']);
  });
});

describe('folding', () => {
  it('folds diacritics both ways', () => {
    expect(found('Erdogan and Erdoğan and ERDOĞAN')).toEqual([
      'Erdogan=erdogan',
      'Erdoğan=erdogan',
      'ERDOĞAN=erdogan',
    ]);
    expect(found('Abdullah Ocalan')).toEqual(['Abdullah Ocalan=ocalan']);
    expect(found('Ocalan', [entry('o', 'Öcalan')])).toEqual(['Ocalan=o']);
    expect(found('Öcalan', [entry('o', 'Ocalan')])).toEqual(['Öcalan=o']);
  });

  it('folds decomposed diacritics and ignores soft hyphens inside a word', () => {
    expect(found('Erdog\u0306an')).toEqual(['Erdog\u0306an=erdogan']);
    expect(found('Erdo\u00adğan')).toEqual(['Erdo\u00adğan=erdogan']);
  });

  it('treats every hyphen and space form as one separator', () => {
    for (const sep of ['-', ' ', '\u2010', '\u2011', '\u2013', '\u00a0', '\u202f', '\t', '\n', ' - ', '  ']) {
      const text = `Bashar al${sep}Assad`;
      expect(found(text), JSON.stringify(sep)).toEqual([`${text}=bashar-al-assad`]);
    }
    expect(found('Vladimir\u00a0Putin')).toEqual(['Vladimir\u00a0Putin=vladimir-putin']);
  });

  it('does not join names across an em dash or punctuation', () => {
    expect(found('Vladimir—Putin')).toEqual(['Putin=vladimir-putin']);
    expect(found('Vladimir, Putin')).toEqual(['Putin=vladimir-putin']);
  });

  it('treats apostrophe forms as one', () => {
    const entries = [entry('nuri', "Ma'arrat al-Nu'man")];
    for (const apos of ["'", '\u2019', '\u2018', '\u02bc', '`']) {
      const text = `Ma${apos}arrat al-Nu${apos}man`;
      expect(found(text, entries), apos).toEqual([`${text}=nuri`]);
    }
  });

  it('keeps punctuation inside an alias', () => {
    expect(found('the U.S. said')).toEqual(['U.S.=united-states']);
    expect(found('the U.K. said')).toEqual([]);
  });
});

describe('possessives', () => {
  it('marks the name without the possessive', () => {
    expect(found("Putin's war")).toEqual(['Putin=vladimir-putin']);
    expect(found('Putin’s war')).toEqual(['Putin=vladimir-putin']);
    expect(found('Bashar al-Assad’s regime')).toEqual(['Bashar al-Assad=bashar-al-assad']);
    expect(found("the Assads' palace, Bashar al-Assad")).toEqual(['Bashar al-Assad=bashar-al-assad']);
  });

  it('does not match before an apostrophe that continues the word', () => {
    expect(found("Hama'at")).toEqual([]);
    expect(found("Hama'")).toEqual(['Hama=hama']);
  });
});

describe('articles', () => {
  it('treats al/el as optional inside a name', () => {
    for (const text of ['Bashar al-Assad', 'Bashar Assad', 'Bashar el-Assad', 'Bashar Al-Assad', 'BASHAR AL ASSAD']) {
      expect(found(text), text).toEqual([`${text}=bashar-al-assad`]);
    }
  });

  it('treats al/el as optional before a name and includes it when present', () => {
    expect(found('Sharaa spoke')).toEqual(['Sharaa=ahmed-al-sharaa']);
    expect(found('al-Sharaa spoke')).toEqual(['al-Sharaa=ahmed-al-sharaa']);
    expect(found('then El Sharaa spoke')).toEqual(['El Sharaa=ahmed-al-sharaa']);
    expect(found('Putin', [entry('p', 'al-Putin')])).toEqual(['Putin=p']);
    expect(found('al‑Putin', [entry('p', 'Putin')])).toEqual(['al‑Putin=p']);
  });

  it('does not treat "al" without a following separator as an article', () => {
    expect(found('alSharaa, al, al.')).toEqual([]);
    expect(found('Al', [entry('al', 'Al')])).toEqual(['Al=al']);
  });

  it('gives the same key to article variants', () => {
    expect(aliasKey('Bashar al-Assad')).toBe('bashar assad');
    expect(aliasKey('bashar el‑Assad')).toBe(aliasKey('Bashar Assad'));
    expect(aliasKey('al-Sharaa')).toBe('sharaa');
    expect(aliasKey('Erdoğan')).toBe('erdogan');
    expect(aliasKey('Putin’s')).toBe(aliasKey("Putin's"));
    expect(aliasKey('U.S.')).toBe('u . s .');
    expect(aliasKey(' -- ')).toBe('');
  });
});

describe('leading words', () => {
  const hague = [entry('the-hague', 'The Hague'), entry('william-hague', 'William Hague')];

  it('matches an alias that starts with "the" only with its "the", and includes it', () => {
    expect(found('talks in The Hague today', hague)).toEqual(['The Hague=the-hague']);
    expect(found('talks in the\u00a0Hague', hague)).toEqual(['the\u00a0Hague=the-hague']);
    expect(found('William Hague said', hague)).toEqual(['William Hague=william-hague']);
    expect(found('Hague said', hague)).toEqual([]);
    expect(found('bathe Hague, the\n\nHague, the.Hague', hague)).toEqual([]);
  });

  it('prefers the alias with its leading word, and falls back to the bare one', () => {
    const kremlin = [entry('kremlin', 'Kremlin', 'the Kremlin')];
    expect(found('said the Kremlin.', kremlin)).toEqual(['the Kremlin=kremlin']);
    expect(found('said a Kremlin aide', kremlin)).toEqual(['Kremlin=kremlin']);
    expect(found("the Kremlin's view", kremlin)).toEqual(['the Kremlin=kremlin']);
  });

  it('never takes its leading word from the mention before', () => {
    const entries = [entry('front', 'Front for the'), entry('hague', 'the Hague')];
    expect(found('Front for the Hague', entries)).toEqual(['Front for the=front']);
  });

  it('keeps two aliases that differ only by their leading word apart', () => {
    const entries = [entry('x', 'the Times'), entry('y', 'a Times')];
    expect(found('the Times and a Times and Times', entries)).toEqual(['the Times=x', 'a Times=y']);
  });
});

describe('block separators', () => {
  it('never joins a name across U+0000 or a blank line', () => {
    expect(found('Vladimir\u0000Putin')).toEqual(['Putin=vladimir-putin']);
    expect(found('Vladimir \u0000 Putin')).toEqual(['Putin=vladimir-putin']);
    expect(found('Vladimir\n\nPutin')).toEqual(['Putin=vladimir-putin']);
    expect(found('Bashar al\n\nAssad, Bashar al-Assad')).toEqual(['Assad=bashar-al-assad', 'Bashar al-Assad=bashar-al-assad']);
    expect(found('al\n\nSharaa')).toEqual(['Sharaa=ahmed-al-sharaa']);
  });

  it('joins a name across a single line feed', () => {
    expect(found('Vladimir\nPutin')).toEqual(['Vladimir\nPutin=vladimir-putin']);
  });
});

describe('offsets', () => {
  it('are UTF-16 offsets into the original text, astral characters included', () => {
    const text = '😀🇸🇾 𝒳 Putin’s 𝕏Hama';
    const [putin, hama] = compileMatcher(CATALOG).match(text);
    expect(putin).toMatchObject({ start: text.indexOf('Putin'), end: text.indexOf('Putin') + 5 });
    expect(hama).toMatchObject({ start: text.indexOf('Hama'), end: text.length });
  });

  it('cover the surface form exactly', () => {
    const text = '  (Bashar al‑Assad), ';
    const [m] = compileMatcher(CATALOG).match(text);
    expect(text.slice(m!.start, m!.end)).toBe('Bashar al‑Assad');
  });
});

describe('ambiguity', () => {
  const FAMILY: MatcherEntry[] = [
    entry('bashar', 'Bashar al-Assad', { text: 'Assad', shared: true, default: true }),
    entry('hafez', 'Hafez al-Assad', { text: 'Assad', shared: true }),
    entry('asma', 'Asma al-Assad', { text: 'Assad', shared: true }),
  ];

  it('lists every candidate and picks the default without context', () => {
    const [m] = compileMatcher(FAMILY).match('Assad spoke.');
    expect(m).toMatchObject({ entryId: 'bashar', candidates: ['bashar', 'hafez', 'asma'], weak: false });
  });

  it('picks the first claimant when there is neither context nor default', () => {
    const entries = [entry('a', { text: 'Damascus', shared: true }), entry('b', { text: 'Damascus', shared: true })];
    expect(found('Damascus', entries)).toEqual(['Damascus=a']);
  });

  it('prefers the candidate strongly mentioned nearest before', () => {
    expect(found('Hafez al-Assad died. Then Asma al-Assad spoke. Assad said', FAMILY)).toEqual([
      'Hafez al-Assad=hafez',
      'Asma al-Assad=asma',
      'Assad=asma',
    ]);
    expect(found('Asma al-Assad spoke. Hafez al-Assad died. Assad said', FAMILY)).toEqual([
      'Asma al-Assad=asma',
      'Hafez al-Assad=hafez',
      'Assad=hafez',
    ]);
  });

  it('else a candidate strongly mentioned anywhere in the text', () => {
    expect(found('Assad said. Hafez al-Assad died.', FAMILY)).toEqual(['Assad=hafez', 'Hafez al-Assad=hafez']);
  });

  it('uses a strong mention before as context only in the same block or close by', () => {
    // The real catalog: the bare surname means Bashar unless the text says otherwise nearby.
    const family = [
      entry('bashar', 'Bashar al-Assad', { text: 'Assad', shared: true, default: true }),
      entry('hafez', 'Hafez al-Assad', { text: 'Assad', shared: true, weak: true }),
      entry('maher', 'Maher al-Assad', { text: 'Assad', shared: true, weak: true }),
    ];
    expect(found("Hafez al-Assad died. At Assad's funeral, Bashar al-Assad spoke.", family)).toEqual([
      'Hafez al-Assad=hafez',
      'Assad=hafez',
      'Bashar al-Assad=bashar',
    ]);
    const filler = ' Talks went on for months.'.repeat(12);
    const para = `When President Hafez al-Assad died, the funeral opened a new phase.${filler} Assad then spoke.`;
    expect(found(para, family)).toEqual(['Hafez al-Assad=hafez', 'Assad=hafez']);
    const later = `Bashar al-Assad met envoys.\n\nWhen President Hafez al-Assad died, the funeral opened a new phase.\n\n${filler} Talks between Assad and Erdogan.`;
    expect(found(later, family)).toEqual(['Bashar al-Assad=bashar', 'Hafez al-Assad=hafez', 'Assad=bashar']);
    // Close by, across a blank line, it still counts.
    expect(found('Hafez al-Assad died.\n\nAssad was buried in Qardaha.', family)).toEqual(['Hafez al-Assad=hafez', 'Assad=hafez']);
    // Across a U+0000 block separator and far away, it does not.
    expect(found(`Hafez al-Assad died.${filler}\u0000${filler} Assad`, family).at(-1)).toBe('Assad=bashar');
    // A blank line holding spaces separates blocks too; one line feed does not.
    expect(found(`Hafez al-Assad died.${filler}\n \u00a0\nAssad`, family).at(-1)).toBe('Assad=bashar');
    expect(found(`Hafez al-Assad died.${filler}\n Assad`, family).at(-1)).toBe('Assad=hafez');
  });

  it('text-wide, prefers the most strongly mentioned candidate, but never through a weak claim', () => {
    const filler = ' Talks went on for months.'.repeat(12);
    const text = `Hafez al-Assad. Hafez al-Assad.\n\nAsma al-Assad.\n\n${filler} Assad`;
    expect(found(text, FAMILY).at(-1)).toBe('Assad=hafez');
    const weakHafez = [
      entry('bashar', 'Bashar al-Assad', { text: 'Assad', shared: true, default: true }),
      entry('hafez', 'Hafez al-Assad', { text: 'Assad', shared: true, weak: true }),
    ];
    expect(found(text, weakHafez).at(-1)).toBe('Assad=bashar');
  });

  it('does not count shared or weak mentions as context', () => {
    const entries = [...FAMILY, entry('hafez-weak', { text: 'Hafez', weak: true })];
    expect(found('Assad, Assad', entries)).toEqual(['Assad=bashar', 'Assad=bashar']);
  });

  it('honours exclude', () => {
    const options = { exclude: new Set(['bashar']) };
    const [m] = compileMatcher(FAMILY).match('Assad spoke.', options);
    expect(m).toMatchObject({ entryId: 'hafez', candidates: ['hafez', 'asma'] });
    expect(found('Bashar al-Assad', FAMILY, options)).toEqual([]);
  });

  it('treats a shared alias left with one candidate by exclude as strong context', () => {
    const options = { exclude: new Set(['bashar', 'hafez']) };
    expect(found('Assad. Then Asma', [...FAMILY, entry('asma', { text: 'Asma', weak: true })], options)).toEqual([
      'Assad=asma',
      'Asma=asma',
    ]);
  });
});

describe('weak aliases', () => {
  it('are dropped without a strong mention of the same entry', () => {
    expect(found('Assad spoke.')).toEqual([]);
  });

  it('are kept with a strong mention before or after', () => {
    expect(found('Assad spoke. Bashar al-Assad left.')).toEqual([
      'Assad=bashar-al-assad',
      'Bashar al-Assad=bashar-al-assad',
    ]);
    const [, weak] = compileMatcher(CATALOG).match('Bashar al-Assad left. Assad’s');
    expect(weak).toMatchObject({ entryId: 'bashar-al-assad', weak: true, candidates: ['bashar-al-assad'] });
  });

  it('are dropped when the strong mention is excluded', () => {
    expect(found('Bashar al-Assad left. Assad', CATALOG, { exclude: new Set(['bashar-al-assad']) })).toEqual([]);
  });
});

describe('compile', () => {
  it('counts aliases and skips empty ones', () => {
    expect(compileMatcher([entry('a', 'Hama', 'Hamas', ' - ', '')]).aliasCount).toBe(2);
    expect(compileMatcher([]).match('anything')).toEqual([]);
  });

  it('survives word-hash collisions', () => {
    // Many aliases: any two distinct words with equal 32-bit hashes must still be told apart.
    const names = Array.from({ length: 5000 }, (_, k) => entry(`e${k}`, `Name${k}x Surname${k}`));
    const m = compileMatcher(names);
    expect(m.match('Name4321x Surname4321 and Name4321x Surname4322').map((x) => x.entryId)).toEqual(['e4321']);
  });
});

describe('matchChunks', () => {
  it('matches each chunk on its own and gives offsets in the whole text', () => {
    const text = 'Putin spoke.\u0000Hafez Assad died. Assad was buried.\u0000Assad';
    const entries = [...CATALOG, entry('hafez-al-assad', 'Hafez al-Assad', { text: 'Assad', weak: true })];
    const matcher = compileMatcher(entries);
    const second = text.indexOf('Hafez');
    const third = text.lastIndexOf('Assad');
    const found = matchChunks(matcher, text, [0, 12, second, third - 1, third, text.length]);
    expect(found.map((m) => `${text.slice(m.start, m.end)}=${m.entryId}`)).toEqual(['Putin=vladimir-putin', 'Hafez Assad=hafez-al-assad', 'Assad=hafez-al-assad']);
    // The last chunk has no strong mention of its own: its weak "Assad" is dropped.
    expect(found.every((m) => m.end <= third)).toBe(true);
  });

  it('checks chunk bounds', () => {
    expect(validChunkBounds([0, 3, 4, 10], 10)).toBe(true);
    expect(validChunkBounds([], 0)).toBe(true);
    expect(validChunkBounds([0, 3, 4], 10)).toBe(false);
    expect(validChunkBounds([0, 5, 4, 8], 10)).toBe(false);
    expect(validChunkBounds([0, 11], 10)).toBe(false);
    expect(validChunkBounds([0, 1.5], 10)).toBe(false);
    expect(validChunkBounds([-1, 2], 10)).toBe(false);
  });
});
