import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/shared/catalog';
import type { CorpusDocument } from '../../src/shared/corpus';
import { assembleCorpus, corpusPassages, type SourcedEntry } from './bundle';
import { CatalogError } from './catalog-yaml';
import { auditClaims, countByStatus } from './claims';

const DOCS: CorpusDocument[] = [
  {
    id: 'old',
    title: 'Old',
    published: '2017-01',
    publishedInferred: true,
    publishedBasis: 'test',
    seeds: [],
    paragraphs: [
      'Iran is aware of the tide of anti-Iran sentiment sweeping through Washington DC following the election of President Donald Trump.',
      'When Syrian President Hafez al-Assad died, a new era began. Damascus and Moscow talked.',
      'The Black Sea city of Sochi hosted them. President al-Sharaa was invited to the Baghdad summit.',
    ],
    origin: 'bundled',
  },
  {
    id: 'new',
    title: 'New',
    outlet: 'Syria Direct',
    published: '2025-10-22',
    publishedInferred: false,
    publishedBasis: 'test',
    seeds: [],
    paragraphs: ['On 15 October, al-Sharaa met Putin in Moscow, the first face-to-face meeting between the two since al-Sharaa took power in December 2024. Syrian interim president Ahmed al-Sharaa spoke.'],
    origin: 'bundled',
  },
];

function entry(id: string, name: string, extra: Partial<CatalogEntry> = {}): CatalogEntry {
  return { id, name, type: 'person', aliases: [], summary: [{ text: `${name}.`, evidence: [name] }], ...extra };
}

const BASE: CatalogEntry[] = [
  entry('donald-trump', 'Donald Trump', { aliases: [{ text: 'Trump' }] }),
  entry('iran', 'Iran', { type: 'state' }),
  entry('hafez-al-assad', 'Hafez al-Assad'),
  entry('ahmed-al-sharaa', 'Ahmed al-Sharaa', { aliases: [{ text: 'al-Sharaa' }] }),
  entry('putin', 'Putin'),
  entry('damascus', 'Damascus', { type: 'place' }),
  entry('syria', 'Syria', { type: 'state', aliases: [{ text: 'Syrian' }], summary: [{ text: 'A state.', evidence: ['Syrian President'] }] }),
  entry('sochi', 'Sochi', { type: 'place' }),
  entry('black-sea', 'Black Sea', { type: 'place' }),
  entry('baghdad-summit', 'Baghdad summit', { type: 'meeting' }),
];

/** The catalog with `id`'s entry changed by `change`. */
function withChange(id: string, change: Partial<CatalogEntry>): SourcedEntry[] {
  return BASE.map((e) => ({ file: 'test.yaml', entry: e.id === id ? { ...e, ...change } : e }));
}

function buildProblems(catalog: SourcedEntry[]): string[] {
  try {
    assembleCorpus(DOCS, catalog);
    return [];
  } catch (e) {
    if (e instanceof CatalogError) return e.problems.map((p) => `${p.file}: ${p.entryId}: ${p.message}`);
    throw e;
  }
}

describe('the corpus build checks that evidence supports its claim', () => {
  it('builds the base catalog', () => {
    expect(buildProblems(withChange('iran', {}))).toEqual([]);
  });

  it('fails on a role whose title is not in its quote, naming the entry, the claim and why', () => {
    const problems = buildProblems(withChange('donald-trump', { roles: [{ title: 'President of the United Kingdom', quote: 'the election of President Donald Trump' }] }));
    expect(problems).toEqual(['test.yaml: donald-trump: role "President of the United Kingdom": the title\'s "united", "kingdom" is not in its quote']);
  });

  it('fails on a role of a person the quote says died, unless it is marked over', () => {
    const role = { title: 'President of Syria', quote: 'When Syrian President Hafez al-Assad died' };
    expect(buildProblems(withChange('hafez-al-assad', { roles: [role] }))).toEqual([
      'test.yaml: hafez-al-assad: role "President of Syria": its quote says "died": the role is over, so it needs until or ended',
    ]);
    expect(buildProblems(withChange('hafez-al-assad', { roles: [{ ...role, ended: 'death' }] }))).toEqual([]);
  });

  it('fails on a relation that reads against its quote, and passes it turned the right way', () => {
    const quote = 'the tide of anti-Iran sentiment sweeping through Washington DC following the election of President Donald Trump';
    expect(buildProblems(withChange('donald-trump', { related: [{ id: 'iran', relation: 'opposed by', quote }] }))).toEqual([
      'test.yaml: donald-trump: relation "Donald Trump opposed by Iran": reads backwards: the quote has Donald Trump acting on Iran, so it is "Iran opposed by" the wrong way round',
    ]);
    expect(buildProblems(withChange('donald-trump', { related: [{ id: 'iran', relation: 'stirred opposition to', quote }] }))).toEqual([]);
  });

  it('fails on a relation word the quote never says ("coast of")', () => {
    expect(buildProblems(withChange('black-sea', { related: [{ id: 'sochi', relation: 'coast of', quote: 'The Black Sea city of Sochi' }] }))).toEqual([
      'test.yaml: black-sea: relation "Black Sea coast of Sochi": its quote never says "coast"',
    ]);
  });

  it('fails on a summary sentence stating a year its evidence never states, or dropping "since" from "first … since"', () => {
    const quote = 'the first face-to-face meeting between the two since al-Sharaa took power in December 2024';
    expect(buildProblems(withChange('putin', { summary: [{ text: 'First face-to-face meeting with al-Sharaa.', evidence: [quote] }] }))).toEqual([
      'test.yaml: putin: summary "First face-to-face meeting with al-Sharaa.": "first … since": the corpus says first since a date, not first ever',
    ]);
    expect(buildProblems(withChange('iran', { summary: [{ text: 'Opposed in Washington in 2016.', evidence: ['anti-Iran sentiment'] }] }))).toEqual([
      'test.yaml: iran: summary "Opposed in Washington in 2016.": its evidence never states 2016',
    ]);
  });

  it('fails on a capital the corpus never calls one, unless marked as kept from outside the corpus', () => {
    const related = { id: 'syria', relation: 'capital of', quote: 'Damascus and Moscow talked.' };
    expect(buildProblems(withChange('damascus', { related: [related] }))).toEqual([
      'test.yaml: damascus: relation "Damascus capital of Syria": its quote never says "capital"',
    ]);
    const catalog = withChange('damascus', { related: [{ ...related, outsideCorpus: true }] });
    expect(buildProblems(catalog)).toEqual([]);
    const bundle = assembleCorpus(DOCS, catalog);
    expect(bundle.relations.find((r) => r.id === 'damascus→syria:capital of')?.outsideCorpus).toBe(true);
  });

  it('fails on a participant the corpus only says was invited', () => {
    const change = { summary: [{ text: 'A summit.', evidence: ['President al-Sharaa was invited to the Baghdad summit.'] }], participants: ['ahmed-al-sharaa'] };
    expect(buildProblems(withChange('baghdad-summit', change))).toEqual([
      'test.yaml: baghdad-summit: participant "Ahmed al-Sharaa took part in Baghdad summit": the corpus only says Ahmed al-Sharaa was invited',
    ]);
  });

  it('fails on a date its quote does not state, unless marked inferred', () => {
    const date = { start: '2024-12', quote: 'al-Sharaa met Putin in Moscow' };
    expect(buildProblems(withChange('baghdad-summit', { dates: [date] }))).toEqual([
      'test.yaml: baghdad-summit: date "Baghdad summit: 2024-12": its quote does not state the year 2024, month December; give the date it states or mark it inferred',
    ]);
    expect(buildProblems(withChange('baghdad-summit', { dates: [{ ...date, inferred: true }] }))).toEqual([]);
  });
});

describe('auditClaims', () => {
  it('lists every claim with its evidence, the date of that evidence and its status', () => {
    const catalog = withChange('ahmed-al-sharaa', {
      summary: [{ text: 'In power since December 2024.', evidence: ['since al-Sharaa took power in December 2024'] }],
      roles: [{ title: 'Interim President of Syria', from: '2024-12', quote: 'Syrian interim president Ahmed al-Sharaa' }],
      related: [{ id: 'putin', relation: 'met', quote: 'no such words', outsideCorpus: false }],
    });
    const claims = auditClaims(DOCS, corpusPassages(DOCS).all, catalog);
    const role = claims.find((c) => c.kind === 'role')!;
    expect(role).toMatchObject({ entryId: 'ahmed-al-sharaa', claim: 'Interim President of Syria from 2024-12', dates: ['2025-10-22'], status: 'supported' });
    expect(claims.find((c) => c.kind === 'relation')).toMatchObject({ status: 'not-found', reason: 'quote not found in any passage: "no such words"' });
    expect(claims.find((c) => c.entryId === 'syria')).toMatchObject({ dates: ['~2017-01'] });
    expect(countByStatus(claims)).toEqual({ supported: claims.length - 1, 'not-found': 1, unsupported: 0, outside: 0 });
  });
});
