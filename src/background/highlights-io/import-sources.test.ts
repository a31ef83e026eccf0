/**
 * Importing what other tools write: W3C annotations Backstory can place (and
 * what it keeps of them), those it skips by reason, and Hypothesis exports.
 */
import { describe, expect, it } from 'vitest';
import { exportJson, exportJsonLd, parseImport, type ParsedImport } from '.';
import { SKIP } from './import-common';
import { bodyValueAnnotation, collectionOf, imageAnnotation, markdownAnnotation, pageNote, richAnnotation, wholeImage } from './annotation-samples';
import hypothesisExport from '../../../tests/e2e/fixtures/hypothesis-export.json';

const NOW = Date.UTC(2026, 11, 1);

function read(file: unknown): ParsedImport & { ok: true } {
  const parsed = parseImport(JSON.stringify(file), NOW);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
}

describe('W3C annotations from other tools', () => {
  it('imports the text annotations of a mixed collection and skips a page note and images, counted by reason', () => {
    const parsed = read(collectionOf([pageNote, richAnnotation, imageAnnotation, markdownAnnotation, wholeImage]));
    expect(parsed.highlights.map((h) => h.id)).toEqual([richAnnotation.id, markdownAnnotation.id]);
    expect(parsed.skipped).toEqual({ [SKIP.addressOnly]: 1, [SKIP.media]: 2 });
  });

  it('finds the quote and position inside refinedBy, reads an object source, accepts a type list', () => {
    const [h] = read(richAnnotation).highlights;
    expect(h).toMatchObject({
      id: 'http://example.org/anno20',
      url: 'https://news.example/story?id=4',
      site: 'news.example',
      quote: 'the fall of Damascus',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'the fall of Damascus', prefix: 'within days of ', suffix: ', officials said' },
        { type: 'TextPositionSelector', start: 412, end: 432 },
      ],
      createdAt: Date.parse('2015-01-28T12:00:00Z'),
      updatedAt: Date.parse('2015-01-29T09:00:00Z'),
    });
  });

  it('keeps the HTML note apart from its tags, and every other target and body as given', () => {
    const [h] = read(richAnnotation).highlights;
    expect(h!.note).toBe('<p>Compare <b>this</b></p>');
    expect(h!.kept).toEqual({
      fields: { motivation: 'commenting', creator: richAnnotation.creator, generator: richAnnotation.generator, type: richAnnotation.type },
      // The page address as given, fragment and tracking parameter included, and the second target.
      targets: richAnnotation.target,
      bodies: [richAnnotation.body[2], richAnnotation.body[3]],
      tags: ['damascus'],
      noteBody: { type: 'TextualBody', format: 'text/html', language: 'en' },
    });
  });

  it('keeps a Markdown note’s format and a bodyValue as bodyValue, and gives both back', () => {
    const parsed = read(collectionOf([markdownAnnotation, bodyValueAnnotation]));
    expect(parsed.highlights.map((h) => [h.note, h.kept?.noteBody])).toEqual([
      ['See **this** _first_', { type: 'TextualBody', format: 'text/markdown' }],
      ['Comment text', 'bodyValue'],
    ]);
    const items = JSON.parse(exportJsonLd(parsed.highlights, new Date(NOW))).first.items;
    expect(items[0].body).toEqual(markdownAnnotation.body);
    expect(items[1].bodyValue).toBe('Comment text');
    expect(items[1]).not.toHaveProperty('body');
  });

  it('refuses an annotation with both body and bodyValue (a MUST of §3.2.5) instead of dropping one', () => {
    expect(parseImport(JSON.stringify({ ...markdownAnnotation, bodyValue: 'also' }), NOW)).toEqual({
      ok: false,
      message: 'an annotation must not have both body and bodyValue (Web Annotation model §3.2.5, a MUST rule)',
    });
  });

  it('gives back both targets of a two-target annotation, and imports through the first it can place', () => {
    const twoTargets = { ...markdownAnnotation, id: 'http://example.org/anno9', target: ['http://example.org/elsewhere', markdownAnnotation.target] };
    const [h] = read(twoTargets).highlights;
    expect(h!.url).toBe('https://news.example/other');
    const [out] = JSON.parse(exportJsonLd([h!], new Date(NOW))).first.items;
    expect(out.target).toEqual(twoTargets.target);
  });

  it('keeps everything kept through our own JSON too', () => {
    const highlights = read(collectionOf([richAnnotation, markdownAnnotation])).highlights;
    expect(read(JSON.parse(exportJson(highlights, new Date(NOW)))).highlights).toEqual(highlights);
  });

  it('keeps an id as given however long, up to the one bound', () => {
    const long = { ...markdownAnnotation, id: `https://annotations.example/${'a'.repeat(1_500)}` };
    expect(read(long).highlights[0]!.id).toBe(long.id);
    const tooLong = { ...markdownAnnotation, id: `https://annotations.example/${'a'.repeat(3_000)}` };
    expect(parseImport(JSON.stringify(tooLong), NOW)).toEqual({ ok: false, message: 'id: expected an id of 1 to 2,048 characters' });
  });
});

describe('Hypothesis exports', () => {
  it('imports highlights with their tags and Markdown note, adds a reply to its annotation’s note, skips a page note', () => {
    const parsed = read(hypothesisExport);
    expect(parsed.format).toBe('hypothesis');
    expect(parsed.skipped).toEqual({ [SKIP.pageNote]: 1 });
    expect(parsed.highlights).toHaveLength(1);
    const [h] = parsed.highlights;
    expect(h).toMatchObject({
      id: 'https://hypothes.is/a/Kf3q2Lh7Ee-9xAbCdEfGhQ',
      url: 'http://127.0.0.1/fixture.html',
      title: 'Offensive reaches Aleppo',
      quote: 'Hayat Tahrir al-Sham reached Aleppo',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'Hayat Tahrir al-Sham reached Aleppo', prefix: '', suffix: ' in under a week' },
        { type: 'TextPositionSelector', start: 0, end: 40 },
      ],
      createdAt: Date.parse('2026-11-20T10:01:02.345Z'),
      updatedAt: Date.parse('2026-11-21T08:00:00Z'),
    });
    expect(h!.note).toBe(
      'The **first** sign of the *offensive*; compare [the timeline](https://example.org/timeline).\n\n**Reply from friend (2026-11-22):** Agreed, and Turkey moved within days.',
    );
    expect(h!.kept).toMatchObject({ tags: ['aleppo', 'hts'], noteBody: { type: 'TextualBody', format: 'text/markdown', purpose: 'commenting' }, fields: { creator: 'acct:reader@hypothes.is' } });
  });

  it('counts a reply whose annotation is not in the file as skipped', () => {
    const [root, reply] = hypothesisExport.annotations;
    expect(read({ rows: [reply], total: 1 }).skipped).toEqual({ [SKIP.orphanReply]: 1 });
    expect(read([root]).highlights).toHaveLength(1);
  });

  it('names the Hypothesis annotation that is wrong', () => {
    const broken = structuredClone(hypothesisExport) as unknown as { annotations: { target: { selector: { exact?: unknown }[] }[] }[] };
    broken.annotations[0]!.target[0]!.selector[2]!.exact = 5;
    expect(parseImport(JSON.stringify(broken), NOW)).toEqual({ ok: false, message: 'annotations[0].target[0].selector[2].exact: expected a string' });
  });

  it('finds the same highlights again on a second import (stable ids)', () => {
    expect(read(hypothesisExport).highlights.map((h) => h.id)).toEqual(read(hypothesisExport).highlights.map((h) => h.id));
  });
});
