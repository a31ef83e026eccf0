import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../shared/highlight';
import { assembleCard } from './assemble';
import { buildCorpusIndex } from './corpus-index';
import { FIXTURE } from './cards.fixture';
import { compareDates, periodEnd } from '../../shared/iso-date';

const index = buildCorpusIndex(FIXTURE);

function highlight(id: string, updatedAt: number): Highlight {
  return {
    id,
    url: `https://news.example/${id}`,
    site: 'news.example',
    title: id,
    quote: 'Karim',
    selectors: [
      { type: 'TextQuoteSelector', exact: 'Karim', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 5 },
    ],
    colour: 'yellow',
    note: '',
    entityIds: ['karim'],
    createdAt: updatedAt,
    updatedAt,
  };
}

describe('assembleCard', () => {
  it('returns undefined for an unknown entry', () => {
    expect(assembleCard(index, 'nobody')).toBeUndefined();
  });

  it('dates each role by its evidence: the ongoing one as of its article, the ended one as over', () => {
    const card = assembleCard(index, 'karim')!;
    expect(card.asOf).toBe('2025-10-22');
    expect(card.roles.map((r) => [r.title, r.over, r.attested])).toEqual([
      ['In exile in Russia', false, '2025-10-22'],
      ['President', true, '2020-09'],
    ]);
    expect(card.roles[0]!.attestedInferred).toBe(true);
    expect(card.roles[0]!.evidence.map((e) => e.passageId)).toEqual(['b-2025#p0.s0']);
  });

  it('shows a role whose newest evidence is older than the corpus with that date, not as held on the corpus date', () => {
    const [role] = assembleCard(index, 'volkov')!.roles;
    expect(role).toMatchObject({ title: 'President of Russia', over: false, attested: '2020-09', attestedInferred: false });
    expect(role!.evidence[0]!.outlet).toBe('Daily A');
  });

  it('never shows a person the corpus says died as holding the role', () => {
    const [role] = assembleCard(index, 'nadim')!.roles;
    expect(role).toMatchObject({ title: 'President', over: true, ended: 'death' });
  });

  it('gives each summary sentence its evidence, and the entry the date of the corpus’ latest word on it', () => {
    const card = assembleCard(index, 'karim')!;
    expect(card.facts).toEqual([{ text: 'Former president.', evidence: [expect.objectContaining({ passageId: 'a-2020#p0.s0', published: '2020-09' })] }]);
    expect(card.latest).toBe('2025-10-22');
    expect(assembleCard(index, 'nadim')!.latest).toBe('2020-09');
  });

  it('puts a dated fact on its entry’s card with its quote, not among the neighbours of other events', () => {
    const card = assembleCard(index, 'aleppo-offensive')!;
    expect(card.datedFacts.map((f) => [f.start, f.label, f.source?.passageId])).toEqual([['2016-12', 'The siege of the old city ends', 'a-2020#p1.s0']]);
    expect(assembleCard(index, 'grain-accord')!.before.map((e) => [e.id, e.start])).toEqual([['aleppo-offensive', '2016']]);
  });

  it('quotes two or three excerpts, from different documents first, never the one-word sentence', () => {
    const card = assembleCard(index, 'karim')!;
    expect(card.excerpts.length).toBe(3);
    const docs = card.excerpts.slice(0, 2).map((e) => e.documentId);
    expect(new Set(docs).size).toBe(2);
    expect(card.excerpts.map((e) => e.text)).not.toContain('Karim.');
    for (const excerpt of card.excerpts) {
      expect(excerpt.documentTitle).toBeTruthy();
      expect(excerpt.published).toBeTruthy();
    }
    expect(card.excerpts.find((e) => e.documentId === 'a-2020')?.outlet).toBe('Daily A');
  });

  it('lets the page context choose the excerpt', () => {
    const asylum = assembleCard(index, 'karim', { sentence: 'Russia granted asylum; the rebels demand extradition.' })!;
    expect(asylum.excerpts[0]!.passageId).toBe('b-2025#p0.s1');
    const grain = assembleCard(index, 'karim', { sentence: 'Moscow signed a grain deal' })!;
    expect(grain.excerpts[0]!.passageId).toBe('a-2020#p0.s1');
  });

  it('lists an actor’s key events oldest first, by participation or by being named', () => {
    const card = assembleCard(index, 'karim')!;
    expect(card.keyEvents.map((e) => [e.id, e.start])).toEqual([
      ['grain-accord', '2019'],
      ['lightning-offensive', '2024-11'],
    ]);
    expect(card.keyEvents[1]!.source?.passageId).toBe('b-2025#p1.s1');
    expect(card.before).toEqual([]);
  });

  it('places an event on the timeline with its participants', () => {
    const card = assembleCard(index, 'grain-accord')!;
    expect(card.before.map((e) => e.id)).toEqual(['aleppo-offensive']);
    expect(card.after.map((e) => e.id)).toEqual(['lightning-offensive']);
    expect(card.participants?.map((p) => p.name)).toEqual(['Omar Karim', 'Ivan Volkov']);
    expect(card.keyEvents).toEqual([]);
  });

  it('lists authored relations first, read in the right direction, then co-mentions with evidence', () => {
    const card = assembleCard(index, 'karim')!;
    expect(card.related.map((r) => [r.id, r.kind, r.relation])).toEqual([
      ['grain-accord', 'authored', 'Omar Karim signed Grain Accord'],
      ['volkov', 'authored', 'Ivan Volkov sheltered Omar Karim'],
      ['aleppo', 'co-mention', 'Named together in 3 sentences'],
    ]);
    expect(card.related[1]!.evidence?.text).toContain('asylum');
  });

  it('keeps the newest highlights', () => {
    const many = Array.from({ length: 7 }, (_, i) => highlight(`h${i}`, i));
    const card = assembleCard(index, 'karim', { highlights: many })!;
    expect(card.highlights.map((h) => h.id)).toEqual(['h6', 'h5', 'h4', 'h3', 'h2']);
  });
});

describe('partial ISO dates', () => {
  it('orders coarse dates by their first day and ends periods on their last', () => {
    expect(['2024-12-08', '2024', '2016', '2024-11'].sort(compareDates)).toEqual(['2016', '2024', '2024-11', '2024-12-08']);
    expect(periodEnd('2024-12')).toBe('2024-12-31');
  });
});
