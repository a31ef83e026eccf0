/**
 * The Web Annotation Data Model's MUST rules, section by section: every
 * variant of our JSON-LD export keeps them (each annotation read on its own),
 * an import refuses annotations that break them naming the rule and the item,
 * and a round trip through a generic W3C reader keeps ids, bodies and
 * selectors.
 */
import { describe, expect, it } from 'vitest';
import { exportJsonLd, parseImport } from '.';
import { sampleHighlight } from './sample-highlights';
import { ANNO, bodyValueAnnotation, collectionOf, markdownAnnotation, richAnnotation } from './annotation-samples';
import { annotationBreach, containerBreach, isIri, isUtcDateTime } from './w3c-rules';
import hypothesisExport from '../../../tests/e2e/fixtures/hypothesis-export.json';

const NOW = Date.UTC(2026, 11, 1);
type Json = Record<string, unknown>;
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function imported(file: unknown): ReturnType<typeof parseImport> & { ok: true } {
  const parsed = parseImport(JSON.stringify(file), NOW);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

/** Every variant our export writes: Backstory's own with and without a note and context, and imported W3C and Hypothesis annotations. */
function exportVariants() {
  const own = [sampleHighlight(0), sampleHighlight(1), sampleHighlight(2, { title: '', entityIds: [], selectors: [{ type: 'TextQuoteSelector', exact: sampleHighlight(2).quote, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: 5 }] })];
  const w3c = imported(collectionOf([richAnnotation, markdownAnnotation, bodyValueAnnotation])).highlights;
  const hypothesis = imported(hypothesisExport).highlights;
  const doc = JSON.parse(exportJsonLd([...own, ...w3c, ...hypothesis], new Date(NOW))) as Json;
  return { doc, items: (doc.first as Json).items as Json[] };
}

describe('our JSON-LD export keeps every MUST of the model, each annotation read on its own', () => {
  const { doc, items } = exportVariants();
  const standalone = items.map((a) => JSON.parse(JSON.stringify(a)) as Json);

  it('writes every variant', () => {
    expect(items).toHaveLength(7);
  });

  it('§3.1: each annotation has its own @context with the model context, an IRI id, type Annotation and a target', () => {
    for (const a of standalone) {
      expect(list(a['@context'])).toContain(ANNO);
      expect(isIri(a.id)).toBe(true);
      expect(list(a.type)).toContain('Annotation');
      expect(list(a.target).length).toBeGreaterThan(0);
    }
  });

  it('§3.1: ids are given back as imported, ours as stable IRIs', () => {
    expect(standalone.map((a) => a.id)).toEqual([
      'urn:backstory:highlight:h-000000',
      'urn:backstory:highlight:h-000001',
      'urn:backstory:highlight:h-000002',
      'http://example.org/anno20',
      'urn:uuid:1b5ca4f6-6b4a-4d6b-8c19-ff6f54c6a0a1',
      'http://example.org/anno5',
      'https://hypothes.is/a/Kf3q2Lh7Ee-9xAbCdEfGhQ',
    ]);
  });

  it('§3.2, §3.2.4, §3.2.5: bodies are IRIs or resources, TextualBodies have one value, never body with bodyValue', () => {
    for (const a of standalone) {
      expect('body' in a && 'bodyValue' in a).toBe(false);
      for (const b of list(a.body)) {
        if (typeof b === 'string') expect(isIri(b)).toBe(true);
        else if ((b as Json).type === 'TextualBody') expect(typeof (b as Json).value).toBe('string');
      }
    }
  });

  it('§3.3.1: created and modified are xsd:dateTime in UTC', () => {
    for (const a of standalone) for (const key of ['created', 'modified']) if (key in a) expect(isUtcDateTime(a[key])).toBe(true);
  });

  it('§4.2.4, §4.2.5: quote selectors have one exact, no empty prefix or suffix; positions are non-negative integers; nothing invented', () => {
    const selectors = standalone.flatMap((a) => list(a.target).flatMap((t) => (typeof t === 'string' ? [] : list((t as Json).selector))) as Json[]);
    for (const s of selectors.filter((s) => s.type === 'TextQuoteSelector')) {
      expect(typeof s.exact).toBe('string');
      for (const key of ['prefix', 'suffix']) if (key in s) expect(s[key]).not.toBe('');
    }
    // The imported W3C annotations without a TextPositionSelector get none.
    expect(JSON.stringify(standalone[4]!.target)).not.toContain('TextPositionSelector');
    expect(JSON.stringify(standalone[5]!.target)).not.toContain('TextPositionSelector');
    expect(standalone[2]!.target).toEqual({ source: sampleHighlight(2).url, selector: [{ type: 'TextQuoteSelector', exact: sampleHighlight(2).quote }, { type: 'TextPositionSelector', start: 0, end: 5 }] });
  });

  it('passes every rule this module checks, for every variant, read alone', () => {
    expect(standalone.map((a) => annotationBreach(a, false))).toEqual(standalone.map(() => null));
  });

  it('§5.1, §5.2: the collection has an IRI id and type; its page has an id, partOf the collection, and items', () => {
    expect(containerBreach(doc, true)).toBeNull();
    expect(doc).toMatchObject({ '@context': ANNO, type: 'AnnotationCollection', total: 7 });
    expect(isIri(doc.id)).toBe(true);
    const page = doc.first as Json;
    expect(isIri(page.id)).toBe(true);
    expect(page).toMatchObject({ type: 'AnnotationPage', partOf: doc.id, startIndex: 0 });
  });

  it('gives back motivation, creator, generator, body formats and tags as stored', () => {
    const rich = standalone[3]!;
    expect(rich).toMatchObject({ type: richAnnotation.type, motivation: 'commenting', creator: richAnnotation.creator, generator: richAnnotation.generator });
    // The same instants, written with milliseconds.
    expect([Date.parse(rich.created as string), Date.parse(rich.modified as string)]).toEqual([Date.parse(richAnnotation.created), Date.parse(richAnnotation.modified)]);
    expect(rich.body).toContainEqual({ type: 'TextualBody', value: '<p>Compare <b>this</b></p>', format: 'text/html', language: 'en' });
    expect(rich.body).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: 'damascus' });
    expect(standalone[4]!.body).toEqual(markdownAnnotation.body);
    expect(standalone[4]!).not.toHaveProperty('motivation');
    expect(standalone[5]!.bodyValue).toBe('Comment text');
    const hyp = standalone[6]!;
    expect(hyp.body).toContainEqual(expect.objectContaining({ type: 'TextualBody', format: 'text/markdown' }));
    expect(hyp.body).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: 'aleppo' });
  });
});

describe('an import refuses annotations that break a MUST, naming the rule and the item', () => {
  const valid = () => JSON.parse(JSON.stringify(markdownAnnotation)) as Json;
  const cases: [string, (a: Json) => void, string, string][] = [
    ['a missing id', (a) => delete a.id, '.id', '3.1'],
    ['an id that is not an IRI', (a) => (a.id = 'anno 7'), '.id', '3.1'],
    ['two ids', (a) => (a.id = ['http://a.example/1', 'http://a.example/2']), '.id', '3.1'],
    ['a type without Annotation', (a) => (a.type = 'Note'), '.type', '3.1'],
    ['a type list without Annotation', (a) => (a.type = ['Note', 'Comment']), '.type', '3.1'],
    ['no target', (a) => delete a.target, '.target', '3.1'],
    ['a target string that is not an IRI', (a) => (a.target = 'page one'), '.target', '3.2'],
    ['a @context without the model context', (a) => (a['@context'] = 'http://example.org/ctx.jsonld'), '.@context', '3.1'],
    ['a lone context in a list', (a) => (a['@context'] = [ANNO]), '.@context', '3.1'],
    ['both body and bodyValue', (a) => (a.bodyValue = 'text'), '', '3.2.5'],
    ['a bodyValue that is not a string', (a) => ((a.bodyValue = 5), delete a.body), '.bodyValue', '3.2.5'],
    ['a TextualBody without value', (a) => delete (a.body as Json).value, '.body.value', '3.2.4'],
    ['an external body without id', (a) => (a.body = { type: 'Image', format: 'image/png' }), '.body.id', '3.2.2'],
    ['a body that is not an IRI', (a) => (a.body = 'just words'), '.body', '3.2'],
    ['a Choice without items', (a) => (a.body = { type: 'Choice' }), '.body.items', '3.2.7'],
    ['a bad textDirection', (a) => ((a.body as Json).textDirection = 'up'), '.body.textDirection', '3.2.1'],
    ['a created date without time zone', (a) => (a.created = '2015-01-28T12:00:00'), '.created', '3.3.1'],
    ['a modified date that is not a date', (a) => (a.modified = 'yesterday'), '.modified', '3.3.1'],
    ['a generated date with an offset', (a) => (a.generated = '2015-01-28T12:00:00+01:00'), '.generated', '3.3.1'],
    ['a body created date that is not a date', (a) => ((a.body as Json).created = '28/01/2015'), '.body.created', '3.3.1'],
    ['a creator that is a number', (a) => (a.creator = 5), '.creator', '3.3.3'],
    ['a creator whose id is not an IRI', (a) => (a.creator = { id: 'bob smith' }), '.creator.id', '3.3.3'],
    ['rights that are not an IRI', (a) => (a.rights = 'CC BY'), '.rights', '3.3.6'],
    ['a canonical that is not an IRI', (a) => (a.canonical = 'anno7'), '.canonical', '3.3.7'],
    ['a via that is not an IRI', (a) => (a.via = ['http://ok.example/', 'not one']), '.via[1]', '3.3.7'],
    ['a motivation that is not a name', (a) => (a.motivation = { kind: 'x' }), '.motivation', '3.3.5'],
    ['a source list', (a) => ((a.target as Json).source = ['https://a.example/', 'https://b.example/']), '.target.source', '4'],
    ['a source that is not an IRI', (a) => ((a.target as Json).source = 'news page'), '.target.source', '4'],
    ['a quote without exact', (a) => delete ((a.target as Json).selector as Json).exact, '.target.selector.exact', '4.2.4'],
    ['a quote prefix that is not a string', (a) => (((a.target as Json).selector as Json).prefix = 3), '.target.selector.prefix', '4.2.4'],
    ['a negative position', (a) => ((a.target as Json).selector = [(a.target as Json).selector, { type: 'TextPositionSelector', start: -1, end: 4 }]), '.target.selector[1].start', '4.2.5'],
    ['a position that is not whole', (a) => ((a.target as Json).selector = { type: 'TextPositionSelector', start: 1, end: 4.5 }), '.target.selector.end', '4.2.5'],
    ['a selector without type', (a) => ((a.target as Json).selector = { exact: 'x' }), '.target.selector.type', '4.2'],
    ['a range without its end', (a) => ((a.target as Json).selector = { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[1]' } }), '.target.selector', '4.2.9'],
    ['a bad selector inside refinedBy', (a) => (((a.target as Json).selector as Json).refinedBy = { type: 'TextPositionSelector', start: 'one', end: 2 }), '.target.selector.refinedBy.start', '4.2.5'],
  ];

  it.each(cases)('%s', (_name, breakIt, path, section) => {
    const broken = valid();
    breakIt(broken);
    const file = collectionOf([bodyValueAnnotation, broken]);
    // collectionOf drops the items' own context; put the broken one's back when it is the point.
    if ('@context' in broken) ((file.first as Json).items as Json[])[1]!['@context'] = broken['@context'];
    const parsed = parseImport(JSON.stringify(file), NOW);
    expect(parsed.ok).toBe(false);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(!parsed.ok && parsed.message).toMatch(new RegExp(`^${escape(`first.items[1]${path}`)}: .+ \\(Web Annotation model §${escape(section)}, a MUST rule\\)$`));
  });

  it('§3.1: a lone annotation must carry its own context; one in a collection inherits it', () => {
    const lone = valid();
    delete lone['@context'];
    expect(parseImport(JSON.stringify(lone), NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/^@context: must include "http:\/\/www.w3.org\/ns\/anno.jsonld" \(Web Annotation model §3.1/) });
    expect(parseImport(JSON.stringify(collectionOf([lone])), NOW)).toMatchObject({ ok: true });
  });

  it('§5.1, §5.2: a collection without an IRI id, a page without items', () => {
    const noId = collectionOf([valid()]);
    delete noId.id;
    expect(parseImport(JSON.stringify(noId), NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/^id: a collection must have exactly one IRI id.*§5\.1/) });
    const noItems = collectionOf([valid()]);
    delete (noItems.first as Json).items;
    expect(parseImport(JSON.stringify(noItems), NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/^first\.items: an AnnotationPage must list its items.*§5\.2/) });
  });

  it('refuses the whole file: nothing is imported when one annotation is invalid', () => {
    const broken = valid();
    broken.id = 'no iri';
    expect(parseImport(JSON.stringify(collectionOf([richAnnotation, markdownAnnotation, broken])), NOW).ok).toBe(false);
  });
});

/** JSON with keys in order: a reader compares values, not how keys were ordered. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
}

/** A generic W3C reader: each annotation on its own (its own context only), its id, bodies and selectors. */
function readOneByOne(text: string): { id: unknown; bodies: string[]; selectors: string[] }[] {
  const doc = JSON.parse(text) as Json;
  return ((doc.first as Json).items as Json[]).map((item) => {
    const alone = JSON.parse(JSON.stringify(item)) as Json;
    expect(list(alone['@context'])).toContain(ANNO);
    const bodies = 'bodyValue' in alone ? [{ type: 'TextualBody', value: alone.bodyValue }] : list(alone.body);
    const selectors: unknown[] = [];
    const walk = (s: unknown) => {
      for (const one of list(s)) {
        const { refinedBy, ...rest } = one as Json;
        selectors.push(rest);
        walk(refinedBy);
      }
    };
    for (const t of list(alone.target)) if (typeof t !== 'string') walk((t as Json).selector);
    return { id: alone.id, bodies: bodies.map(canonical).sort(), selectors: selectors.map(canonical) };
  });
}

describe('a round trip through a generic W3C reader', () => {
  it('keeps ids, bodies and selectors of other tools’ annotations', () => {
    const source = collectionOf([richAnnotation, markdownAnnotation, bodyValueAnnotation]);
    const before = readOneByOne(JSON.stringify({ ...source, first: { ...(source.first as Json), items: [richAnnotation, markdownAnnotation, bodyValueAnnotation] } }));
    const text = exportJsonLd(imported(source).highlights, new Date(NOW));
    expect(readOneByOne(text)).toEqual(before);
    // And back in: the same highlights, found by the same ids.
    expect(imported(JSON.parse(text)).highlights).toEqual(imported(source).highlights);
  });
});
