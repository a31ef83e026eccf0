import { describe, expect, it } from 'vitest';
import { dedupeParagraphs, isShorterVersion, mergeCopies, type DedupNote } from './dedup';
import { importArticle } from './import-seeds';

const SHORT =
  'Meanwhile, Russia has opened the door to a wider array of key rebel armed groups, a development that points to a new Russian pragmatism that  recognises  the necessity of a more inclusive approach.';
const FULL =
  'Meanwhile, Russia has opened the door to a wider array of key rebel armed groups, including the Turkish backed Ahrar al-Sham and the Damascus-based Jaish al-Islam, both of which it formerly labeled as extremist. It is a development that points to a new Russian pragmatism that recognises the necessity of a more inclusive approach.';

describe('dedupeParagraphs', () => {
  it('drops exact repeats, keeping the first', () => {
    const caption = 'ISIS members in Syria (Syrian Observatory for Human Rights)';
    expect(dedupeParagraphs([caption, caption, 'Body text.', caption])).toEqual([caption, 'Body text.']);
  });

  it('treats typographic variants as the same paragraph', () => {
    expect(dedupeParagraphs(['Putin’s “goblet” of normalization', "Putin's \"goblet\" of normalization"])).toHaveLength(1);
  });

  it('keeps the fuller of two near-duplicates', () => {
    const notes: DedupNote[] = [];
    expect(dedupeParagraphs(['Intro.', SHORT, FULL, 'Outro.'], notes)).toEqual(['Intro.', FULL, 'Outro.']);
    expect(notes).toEqual([{ kind: 'near', dropped: SHORT, kept: FULL }]);
    // Order does not matter: the shorter one goes either way.
    expect(dedupeParagraphs([FULL, SHORT])).toEqual([FULL]);
  });

  it('keeps the fuller version where it stands (a standfirst restating a later sentence goes)', () => {
    const dek = 'Why is Damascus pursuing a rapprochement with Moscow despite its unpopularity, and how might it strike a balance?';
    const body = 'This raises the question: Why is Damascus pursuing a rapprochement with Moscow despite its unpopularity, and how might it strike a balance?';
    expect(dedupeParagraphs([dek, 'First.', body, 'Last.'])).toEqual(['First.', body, 'Last.']);
  });

  it('does not merge short or merely similar paragraphs', () => {
    expect(isShorterVersion('New Syria', 'The new Syria addressed in the agreement')).toBe(false);
    expect(
      isShorterVersion(
        'The Astana process may represent a moment of new Russian seriousness.',
        'there’s no getting away from the sense that the Astana process represents a moment of new Russian seriousness.',
      ),
    ).toBe(false);
    expect(isShorterVersion(SHORT, FULL)).toBe(true);
  });
});

describe('mergeCopies', () => {
  it('merges two copies of one article, inserting paragraphs only one copy has', () => {
    expect(mergeCopies([['A a a.', 'B b b.', 'D d d.'], ['A a a.', 'B b b.', 'C c c.', 'D d d.', 'E e e.']])).toEqual([
      'A a a.',
      'B b b.',
      'C c c.',
      'D d d.',
      'E e e.',
    ]);
  });
});

describe('importArticle', () => {
  it('drops the title, boilerplate, datelines and repeated captions; marks headings', () => {
    const seed = [
      'A Title',
      '',
      'Caption of the photo. (AFP)',
      'Caption of the photo. (AFP)',
      'TT',
      '20',
      '',
      'A Title',
      '7 min read',
      '22 October 2025',
      'A heading',
      'The body paragraph.',
      'Share this article',
    ].join('\n');
    const blocks = importArticle(
      {
        id: 'x',
        meta: { title: 'A Title', published: '2025', publishedInferred: true, publishedBasis: 'test' },
        ranges: [{ seed: 's.txt', from: 1, to: 13 }],
        headings: ['A heading'],
      },
      () => seed,
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Caption of the photo. (AFP)' },
      { kind: 'heading', text: 'A heading' },
      { kind: 'paragraph', text: 'The body paragraph.' },
    ]);
  });
});
