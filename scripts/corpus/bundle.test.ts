import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/shared/catalog';
import type { CorpusDocument } from '../../src/shared/corpus';
import { assembleCorpus, canonicalJson, corpusPassages, type SourcedEntry } from './bundle';
import { CatalogError } from './catalog-yaml';

const DOCS: CorpusDocument[] = [
  {
    id: 'doc-a',
    title: 'A',
    published: '2020-09-08',
    publishedInferred: true,
    publishedBasis: 'test',
    seeds: ['a.txt'],
    paragraphs: [
      'Russian Foreign Minister Sergei Lavrov met Bashar al-Assad in Damascus on September 7. Lavrov’s visit was “significant”.',
      'The Caesar Act targeted Assad. The Caesar Act targeted Assad.',
    ],
    origin: 'bundled',
  },
  {
    id: 'doc-b',
    title: 'B',
    published: '2025-10-22',
    publishedInferred: false,
    publishedBasis: 'test',
    seeds: ['b.txt'],
    paragraphs: ['Ahmed al‑Sharaa met Vladimir Putin in Moscow on 15 October. The Kremlin meeting was warm. The Caesar Act targeted Assad.'],
    origin: 'bundled',
  },
];

function entry(id: string, name: string, extra: Partial<CatalogEntry> = {}): CatalogEntry {
  return { id, name, type: 'person', aliases: [], summary: [{ text: `${name}.`, evidence: [name] }], ...extra };
}

const BASE: CatalogEntry[] = [
  entry('sergei-lavrov', 'Sergei Lavrov', {
    aliases: [{ text: 'Lavrov' }],
    related: [{ id: 'bashar-al-assad', relation: 'met', quote: "Lavrov met Bashar al-Assad in Damascus" }],
  }),
  entry('bashar-al-assad', 'Bashar al-Assad', { aliases: [{ text: 'Assad' }] }),
  entry('ahmed-al-sharaa', 'Ahmed al-Sharaa', {
    summary: [{ text: 'Met Putin.', evidence: ["Ahmed al-Sharaa met Vladimir Putin"] }],
  }),
  entry('vladimir-putin', 'Vladimir Putin'),
  entry('damascus', 'Damascus', { type: 'place' }),
  entry('moscow', 'Moscow', { type: 'place' }),
  entry('caesar-act', 'Caesar Act', {
    type: 'law',
    aliases: [{ text: 'Caesar Act' }],
    summary: [{ text: 'US sanctions law.', evidence: ['The Caesar Act targeted Assad.'] }],
  }),
  entry('putin-sharaa-meeting', 'Putin–Sharaa meeting', {
    type: 'meeting',
    aliases: [{ text: 'Kremlin meeting' }],
    summary: [{ text: 'Met in Moscow.', evidence: ['The Kremlin meeting was warm.'] }],
    dates: [{ start: '2025-10-15', quote: 'met Vladimir Putin in Moscow on 15 October' }],
    participants: ['ahmed-al-sharaa', 'vladimir-putin'],
  }),
];

const sourced = (entries: CatalogEntry[], file = 'test.yaml'): SourcedEntry[] => entries.map((e) => ({ file, entry: e }));

function problemsOf(entries: SourcedEntry[]): string[] {
  try {
    assembleCorpus(DOCS, entries);
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogError);
    return (e as CatalogError).message.split('\n').slice(1);
  }
  return [];
}

const replace = (id: string, patch: Partial<CatalogEntry>): CatalogEntry[] =>
  BASE.map((e) => (e.id === id ? { ...e, ...patch } : e));

describe('assembleCorpus', () => {
  it('builds a valid bundle from a valid catalog', () => {
    const bundle = assembleCorpus(DOCS, sourced(BASE));
    expect(bundle.asOf).toBe('2025-10-22');
    expect(bundle.documents.map((d) => d.id)).toEqual(['doc-a', 'doc-b']);
    // The repeated sentence inside doc-a is dropped; the same sentence in doc-b is kept.
    expect(bundle.passages.map((p) => p.id)).toEqual(['doc-a#p0.s0', 'doc-a#p0.s1', 'doc-a#p1.s0', 'doc-b#p0.s0', 'doc-b#p0.s1', 'doc-b#p0.s2']);
    const lavrov = bundle.entries.find((e) => e.id === 'sergei-lavrov')!;
    expect(lavrov.aliases).toEqual([{ text: 'Sergei Lavrov' }, { text: 'Lavrov' }]);
    expect(lavrov.summary[0]!.passageIds).toEqual(['doc-a#p0.s0']);
    const caesar = bundle.entries.find((e) => e.id === 'caesar-act')!;
    expect(caesar.summary[0]!.passageIds).toEqual(['doc-a#p1.s0', 'doc-b#p0.s2']);
    // Mentions carry offsets into the passage text.
    for (const m of bundle.mentions) {
      const p = bundle.passages.find((x) => x.id === m.passageId)!;
      expect(p.text.slice(m.start, m.end).length).toBeGreaterThan(0);
    }
    const assadInA = bundle.mentions.find((m) => m.entryId === 'bashar-al-assad' && m.passageId === 'doc-a#p0.s0')!;
    expect(bundle.passages[0]!.text.slice(assadInA.start, assadInA.end)).toBe('Bashar al-Assad');
    // Authored relation with its evidence, and co-mentions.
    expect(bundle.relations).toContainEqual({
      id: 'sergei-lavrov→bashar-al-assad:met',
      from: 'sergei-lavrov',
      to: 'bashar-al-assad',
      relation: 'met',
      kind: 'authored',
      passageIds: ['doc-a#p0.s0'],
    });
    expect(bundle.relations).toContainEqual({
      id: 'bashar-al-assad→sergei-lavrov:mentioned together',
      from: 'bashar-al-assad',
      to: 'sergei-lavrov',
      relation: 'mentioned together',
      kind: 'co-mention',
      passageIds: ['doc-a#p0.s0'],
    });
    expect(bundle.timeline).toEqual([
      {
        id: 'putin-sharaa-meeting@2025-10-15',
        entryId: 'putin-sharaa-meeting',
        start: '2025-10-15',
        inferred: false,
        passageIds: ['doc-b#p0.s0'],
      },
    ]);
    // The hash covers everything else and is stable.
    const { hash, ...rest } = bundle;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(assembleCorpus(DOCS, sourced(BASE)).hash).toBe(hash);
    expect(canonicalJson(rest)).toContain('"asOf":"2025-10-22"');
  });

  it('reports a duplicate id', () => {
    expect(problemsOf([...sourced(BASE), { file: 'other.yaml', entry: entry('damascus', 'Damascus', { type: 'place' }) }])).toContain(
      'other.yaml: damascus: duplicate id (also defined in test.yaml)',
    );
  });

  it('reports an unknown type', () => {
    expect(problemsOf(sourced(replace('moscow', { type: 'city' as never })))).toContainEqual(
      expect.stringMatching(/^test.yaml: moscow: unknown type "city"/),
    );
  });

  it('reports an alias claimed by two entries unless all claims are shared', () => {
    const conflict = replace('vladimir-putin', { aliases: [{ text: 'ASSAD' }] });
    expect(problemsOf(sourced(conflict))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^test.yaml: bashar-al-assad: alias "Assad" is also claimed by vladimir-putin/),
        expect.stringMatching(/^test.yaml: vladimir-putin: alias "ASSAD" is also claimed by bashar-al-assad/),
      ]),
    );
  });

  it('requires exactly one default for a shared alias', () => {
    const shared = (def: boolean) => ({ text: 'Assad', shared: true, ...(def ? { default: true } : {}) });
    const none = BASE.map((e) =>
      e.id === 'bashar-al-assad' ? { ...e, aliases: [shared(false)] } : e.id === 'vladimir-putin' ? { ...e, aliases: [shared(false)] } : e,
    );
    expect(problemsOf(sourced(none))).toContainEqual(expect.stringMatching(/shared alias "Assad" .* needs exactly one default: true, found 0/));
    const two = BASE.map((e) =>
      e.id === 'bashar-al-assad' || e.id === 'vladimir-putin' ? { ...e, aliases: [shared(true)] } : e,
    );
    expect(problemsOf(sourced(two))).toContainEqual(expect.stringMatching(/needs exactly one default: true, found 2/));
    const one = BASE.map((e) =>
      e.id === 'bashar-al-assad' ? { ...e, aliases: [shared(true)] } : e.id === 'vladimir-putin' ? { ...e, aliases: [shared(false)] } : e,
    );
    expect(problemsOf(sourced(one))).toEqual([]);
  });

  it('reports unknown related and participant ids', () => {
    const bad = BASE.map((e) =>
      e.id === 'sergei-lavrov'
        ? { ...e, related: [{ id: 'nobody', relation: 'met', quote: 'Lavrov met Bashar al-Assad' }] }
        : e.id === 'putin-sharaa-meeting'
          ? { ...e, participants: ['ahmed-al-sharaa', 'ghost'] }
          : e,
    );
    expect(problemsOf(sourced(bad))).toEqual([
      'test.yaml: sergei-lavrov: related id "nobody" is not a catalog entry',
      'test.yaml: putin-sharaa-meeting: participant id "ghost" is not a catalog entry',
    ]);
  });

  it('reports an evidence quote found in no passage, after folding apostrophes, quotes and hyphens', () => {
    const ok = replace('sergei-lavrov', { summary: [{ text: 'x', evidence: ["Lavrov's visit was \"significant\"", 'Ahmed al-Sharaa met'] }] });
    expect(problemsOf(sourced(ok))).toEqual([]);
    const bad = replace('sergei-lavrov', { summary: [{ text: 'x', evidence: ['Lavrov visited Tehran'] }] });
    expect(problemsOf(sourced(bad))).toEqual(['test.yaml: sergei-lavrov: summary #1: quote not found in any passage: "Lavrov visited Tehran"']);
  });

  it('accepts a quote running across two sentences of one paragraph', () => {
    const across = replace('sergei-lavrov', { summary: [{ text: 'x', evidence: ['on September 7. Lavrov’s visit'] }] });
    const bundle = assembleCorpus(DOCS, sourced(across));
    expect(bundle.entries.find((e) => e.id === 'sergei-lavrov')!.summary[0]!.passageIds).toEqual(['doc-a#p0.s0', 'doc-a#p0.s1']);
  });

  it('reports an entry the corpus never mentions', () => {
    expect(problemsOf([...sourced(BASE), { file: 'extra.yaml', entry: entry('recep-tayyip-erdogan', 'Recep Tayyip Erdogan', { summary: [{ text: 'x', evidence: ['Vladimir Putin'] }] }) }])).toEqual([
      'extra.yaml: recep-tayyip-erdogan: never mentioned in the corpus (no alias of "Recep Tayyip Erdogan" matches any passage)',
    ]);
  });

  it('reports invalid dates', () => {
    const bad = replace('putin-sharaa-meeting', {
      dates: [
        { start: '2025-13-01', quote: 'met Vladimir Putin in Moscow' },
        { start: '2025-10-15', end: '2025-10-14', quote: 'met Vladimir Putin in Moscow on 15 October' },
      ],
    });
    const lavrov = { ...BASE[0]!, roles: [{ title: 'Foreign Minister', from: 'spring 2004', quote: 'Russian Foreign Minister Sergei Lavrov' }] };
    expect(problemsOf(sourced([lavrov, ...bad.slice(1)]))).toEqual([
      'test.yaml: sergei-lavrov: role "Foreign Minister": from "spring 2004" is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)',
      'test.yaml: putin-sharaa-meeting: date start "2025-13-01" is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)',
      'test.yaml: putin-sharaa-meeting: date end 2025-10-14 is before start 2025-10-15',
    ]);
  });

  it('collects every problem before failing', () => {
    const bad = [
      ...replace('sergei-lavrov', { related: [{ id: 'nobody', relation: 'met', quote: 'not in the corpus' }] }),
      { ...BASE[1]! },
    ];
    const problems = problemsOf(sourced(bad));
    expect(problems).toEqual([
      'test.yaml: bashar-al-assad: duplicate id (also defined in test.yaml)',
      'test.yaml: sergei-lavrov: related id "nobody" is not a catalog entry',
      'test.yaml: sergei-lavrov: related nobody: quote not found in any passage: "not in the corpus"',
    ]);
  });
});

describe('corpusPassages', () => {
  it('dedupes identical sentences within a document only', () => {
    const { passages, replaced } = corpusPassages(DOCS);
    expect(passages.filter((p) => p.text === 'The Caesar Act targeted Assad.').map((p) => p.id)).toEqual(['doc-a#p1.s0', 'doc-b#p0.s2']);
    expect(replaced.get('doc-a#p1.s1')).toBe('doc-a#p1.s0');
  });
});
