import { describe, expect, it } from 'vitest';
import { exportJson, exportJsonLd, exportMarkdown, parseImport, MAX_IMPORT_RECORDS } from '.';
import { sampleHighlight, sampleHighlights } from './sample-highlights';

const NOW = Date.UTC(2025, 0, 15);
const names: Record<string, string> = { russia: 'Russia', 'bashar-al-assad': 'Bashar al-Assad' };

describe('export and import', () => {
  it('round-trips our JSON exactly', () => {
    const all = sampleHighlights(30);
    const text = exportJson(all, new Date(NOW));
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'backstory-highlights', version: 1, exportedAt: new Date(NOW).toISOString() });
    const back = parseImport(text, NOW + 1e12);
    expect(back).toEqual({ ok: true, format: 'json', highlights: all, skipped: {} });
  });

  it('round-trips W3C JSON-LD, keeping ids, notes, colours and entities', () => {
    const all = sampleHighlights(12);
    const text = exportJsonLd(all, new Date(NOW));
    const doc = JSON.parse(text);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    const first = doc.first.items[0];
    expect(first).toMatchObject({ type: 'Annotation', target: { source: all[0]!.url } });
    expect(first.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(first.body).toMatchObject({ type: 'TextualBody', value: all[0]!.note });
    const back = parseImport(text, NOW + 1e12);
    expect(back).toEqual({ ok: true, format: 'jsonld', highlights: all, skipped: {} });
  });

  it('reads annotations from other tools (no position, bodyValue)', () => {
    const text = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://annotations.example/a/1',
      type: 'Annotation',
      bodyValue: 'From another tool',
      target: { source: 'https://news.example/a?utm_source=x#top', selector: { type: 'TextQuoteSelector', exact: 'Damascus fell' } },
    });
    const first = parseImport(text, NOW);
    const again = parseImport(text, NOW);
    expect(first.ok && first.highlights[0]).toMatchObject({ id: 'https://annotations.example/a/1', url: 'https://news.example/a', site: 'news.example', quote: 'Damascus fell', note: 'From another tool', colour: 'yellow' });
    expect(first.ok && again.ok && first.highlights[0]!.id === again.highlights[0]!.id).toBe(true);
  });

  it('writes Markdown grouped by page, entities as [[Name]], notes escaped', () => {
    const a = sampleHighlight(0, { note: 'See <script>alert(1)</script>' });
    const b = sampleHighlight(1000, { url: a.url, title: a.title });
    const md = exportMarkdown([a, b, sampleHighlight(1)], (id) => names[id], new Date(NOW));
    expect(md.match(/^## /gm)).toHaveLength(2);
    expect(md).toContain(`## [${a.title}](<${a.url}>)`);
    expect(md).toContain('[[Bashar al-Assad]]');
    expect(md).toContain('\\<script\\>');
    expect(md).not.toContain('<script>');
    expect(md).toContain(`> ${a.quote.replace(/[()]/g, (c) => c)}`);
  });
});

describe('import validation', () => {
  const good = () => JSON.parse(exportJson(sampleHighlights(5), new Date(NOW)));

  it('names the field that is wrong', () => {
    const file = good();
    file.highlights[3].selectors[0].exact = 42;
    expect(parseImport(JSON.stringify(file))).toEqual({ ok: false, message: 'highlights[3].selectors[0].exact: expected a string' });
  });

  it('names missing fields, bad colours and bad addresses', () => {
    const missing = good();
    delete missing.highlights[1].createdAt;
    expect(parseImport(JSON.stringify(missing))).toMatchObject({ message: 'highlights[1].createdAt: is missing' });
    const colour = good();
    colour.highlights[0].colour = 'red';
    expect(parseImport(JSON.stringify(colour))).toMatchObject({ message: expect.stringMatching(/^highlights\[0\]\.colour: expected one of yellow/) });
    const url = good();
    url.highlights[2].url = 'javascript:alert(1)';
    expect(parseImport(JSON.stringify(url))).toMatchObject({ message: 'highlights[2].url: expected an http(s) address' });
  });

  it('refuses a quote that is not its selector, a passage that ends before it starts, an id over the bound, a date that is no date', () => {
    const quote = good();
    quote.highlights[1].quote = 'Not the passage the selector names';
    expect(parseImport(JSON.stringify(quote), NOW)).toEqual({ ok: false, message: 'highlights[1].quote: differs from selectors[0].exact' });
    const backwards = good();
    backwards.highlights[2].selectors[1] = { type: 'TextPositionSelector', start: 40, end: 3 };
    expect(parseImport(JSON.stringify(backwards), NOW)).toEqual({ ok: false, message: 'highlights[2].selectors[1]: end is before start' });
    const long = good();
    long.highlights[0].id = 'x'.repeat(2_049);
    expect(parseImport(JSON.stringify(long), NOW)).toEqual({ ok: false, message: 'highlights[0].id: is longer than 2,048 characters' });
    const time = good();
    time.highlights[4].createdAt = -5;
    expect(parseImport(JSON.stringify(time), NOW)).toEqual({ ok: false, message: 'highlights[4].createdAt: expected a time after 1970' });
  });

  it('refuses broken JSON, another version, unknown shapes', () => {
    expect(parseImport('{"format": "backstory-highlights", ')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    expect(parseImport(JSON.stringify({ ...good(), version: 2 }))).toMatchObject({ ok: false, message: expect.stringMatching(/version 2 .* reads version 1 only/) });
    expect(parseImport('{"hello": 1}')).toMatchObject({ ok: false, message: expect.stringMatching(/neither a Backstory highlights file, a W3C Web Annotation file nor a Hypothesis export/) });
  });

  it('refuses a huge file before parsing it, and too many records', () => {
    expect(parseImport(' '.repeat(51 * 1024 * 1024))).toMatchObject({ ok: false, message: expect.stringMatching(/too large/) });
    const many = { format: 'backstory-highlights', version: 1, highlights: Array.from({ length: MAX_IMPORT_RECORDS + 1 }, () => ({})) };
    expect(parseImport(JSON.stringify(many))).toMatchObject({ ok: false, message: expect.stringMatching(/at most 100,000/) });
  });

  it('keeps script in notes as plain text', () => {
    const file = good();
    file.highlights[0].note = '<script>window.pwned = true</script>';
    const parsed = parseImport(JSON.stringify(file));
    expect(parsed.ok && parsed.highlights[0]!.note).toBe('<script>window.pwned = true</script>');
  });

  it('names the W3C annotation that is wrong', () => {
    const doc = JSON.parse(exportJsonLd(sampleHighlights(4), new Date(NOW)));
    doc.first.items[2].target.selector[0].exact = '';
    expect(parseImport(JSON.stringify(doc))).toEqual({ ok: false, message: 'first.items[2].target.selector[0].exact: is empty' });
    delete doc.first.items[1].target.source;
    expect(parseImport(JSON.stringify(doc))).toMatchObject({ message: 'first.items[1].target.id: an external target must have exactly one IRI id (Web Annotation model §3.2.2, a MUST rule)' });
  });
});
