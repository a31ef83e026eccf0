/**
 * Correct W3C Web Annotations of the kinds other tools write, for tests: what
 * Backstory must import (and give back), and what it must skip. Shaped after
 * the examples of the Web Annotation Data Model.
 */

/** The Web Annotation context. */
export const ANNO = 'http://www.w3.org/ns/anno.jsonld';

/** A text annotation whose quote sits inside `refinedBy`, with an object source, a type list, an HTML note, tags, another body and two targets. */
export const richAnnotation = {
  '@context': ANNO,
  id: 'http://example.org/anno20',
  type: ['Annotation', 'http://example.org/ns/Reviewed'],
  motivation: 'commenting',
  creator: { id: 'http://example.org/user1', type: 'Person', name: 'A. Reader' },
  generator: { id: 'http://example.org/client1', type: 'Software', name: 'Code v2.1' },
  created: '2015-01-28T12:00:00Z',
  modified: '2015-01-29T09:00:00Z',
  body: [
    { type: 'TextualBody', purpose: 'tagging', value: 'damascus' },
    { type: 'TextualBody', value: '<p>Compare <b>this</b></p>', format: 'text/html', language: 'en' },
    'http://example.org/post1',
    { type: 'Choice', items: [{ type: 'TextualBody', value: 'Sí', language: 'es' }, { type: 'TextualBody', value: 'Yes', language: 'en' }] },
  ],
  target: [
    {
      source: { id: 'https://news.example/story?id=4&utm_source=feed#p2', type: 'Text', format: 'text/html' },
      selector: {
        type: 'FragmentSelector',
        value: 'p2',
        refinedBy: [
          { type: 'TextQuoteSelector', exact: 'the fall of Damascus', prefix: 'within days of ', suffix: ', officials said' },
          { type: 'TextPositionSelector', start: 412, end: 432 },
        ],
      },
    },
    'http://example.org/page2',
  ],
};

/** A Markdown note in bodyValue, with a plain string source. */
export const markdownAnnotation = {
  '@context': ANNO,
  id: 'urn:uuid:1b5ca4f6-6b4a-4d6b-8c19-ff6f54c6a0a1',
  type: 'Annotation',
  body: { type: 'TextualBody', value: 'See **this** _first_', format: 'text/markdown' },
  target: { source: 'https://news.example/other', selector: { type: 'TextQuoteSelector', exact: 'Turkey reopened its embassy' } },
};

/** A note given as bodyValue. */
export const bodyValueAnnotation = {
  '@context': ANNO,
  id: 'http://example.org/anno5',
  type: 'Annotation',
  bodyValue: 'Comment text',
  target: { source: 'https://news.example/third', selector: [{ type: 'TextQuoteSelector', exact: 'Iran evacuated its diplomats' }] },
};

/** A note on a whole page (an address-only target). */
export const pageNote = { '@context': ANNO, id: 'http://example.org/anno2', type: 'Annotation', bodyValue: 'Whole page', target: 'https://news.example/story' };

/** An annotation on a region of an image. */
export const imageAnnotation = {
  '@context': ANNO,
  id: 'http://example.org/anno3',
  type: 'Annotation',
  body: 'http://example.org/comment3',
  target: { source: 'http://example.org/image1.jpg', selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=50,50,640,480' } },
};

/** An annotation on an image resource given whole. */
export const wholeImage = { '@context': ANNO, id: 'http://example.org/anno4', type: 'Annotation', target: { id: 'http://example.org/image2.png', type: 'Image' } };

/** A collection of `items` under one page, as another tool would write it (items inherit the collection's context). */
export function collectionOf(items: readonly unknown[]): Record<string, unknown> {
  return {
    '@context': ANNO,
    id: 'http://example.org/collection1',
    type: 'AnnotationCollection',
    total: items.length,
    first: { id: 'http://example.org/page1', type: 'AnnotationPage', startIndex: 0, items: items.map((i) => ({ ...(i as object), '@context': undefined })).map((i) => JSON.parse(JSON.stringify(i)) as unknown) },
  };
}
