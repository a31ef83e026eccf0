import { describe, expect, it } from 'vitest';
import type { CorpusDocument, Mention, Passage } from '../../shared/corpus';
import { buildCorpusIndex } from './corpus-index';
import { excerptCandidates, MAX_LIBRARY_CANDIDATES } from './excerpts';
import { FIXTURE } from './cards.fixture';

describe('excerptCandidates', () => {
  it('keeps every bundled passage and only the newest library passages, so a big library keeps cards fast', () => {
    const documents: CorpusDocument[] = [];
    const passages: Passage[] = [];
    const mentions: Mention[] = [];
    for (let i = 0; i < 300; i++) {
      const id = `lib-${String(i).padStart(16, '0')}`;
      const published = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      documents.push({ id, title: `Story ${i}`, outlet: 'News', published, publishedInferred: false, publishedBasis: '', seeds: [], paragraphs: [], origin: 'user' });
      const text = `Karim spoke again in story ${i} about the talks in Moscow.`;
      passages.push({ id: `${id}#p0.s0`, documentId: id, paragraph: 0, sentence: 0, text });
      mentions.push({ entryId: 'karim', passageId: `${id}#p0.s0`, start: 0, end: 5 });
    }
    const index = buildCorpusIndex({ ...FIXTURE, documents: [...FIXTURE.documents, ...documents], passages: [...FIXTURE.passages, ...passages], mentions: [...FIXTURE.mentions, ...mentions] });
    const bundledOnly = excerptCandidates(buildCorpusIndex(FIXTURE), 'karim');
    const candidates = excerptCandidates(index, 'karim');
    const library = candidates.filter((c) => c.excerpt.origin === 'user');
    expect(library).toHaveLength(MAX_LIBRARY_CANDIDATES);
    expect(candidates.filter((c) => c.excerpt.origin !== 'user').map((c) => c.excerpt.passageId).sort()).toEqual(bundledOnly.map((c) => c.excerpt.passageId).sort());
    const oldestKept = library.map((c) => c.excerpt.published).sort()[0]!;
    const dropped = documents.filter((d) => !library.some((c) => c.excerpt.documentId === d.id));
    expect(dropped.every((d) => d.published <= oldestKept)).toBe(true);
  });
});
