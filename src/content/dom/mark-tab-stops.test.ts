// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MarkTabStops } from './mark-tab-stops';

describe('MarkTabStops', () => {
  it('puts the first piece of each mention in the Tab order, and takes them out again', () => {
    document.body.innerHTML =
      '<p><bs-mark data-mention="0">Vladimir</bs-mark><b><bs-mark data-mention="0">Putin</bs-mark></b> met <bs-mark data-mention="1">Erdoğan</bs-mark> and <bs-mark data-mention="2" tabindex="-1">Assad</bs-mark></p>';
    const stops = new MarkTabStops(document);
    const tabindexes = () => [...document.querySelectorAll('bs-mark')].map((m) => m.getAttribute('tabindex'));
    stops.apply(false);
    expect(tabindexes()).toEqual([null, null, null, '-1']);
    stops.apply(true);
    // One stop per name, the split name's second piece none.
    expect(tabindexes()).toEqual(['0', null, '0', '0']);
    stops.apply(false);
    expect(tabindexes()).toEqual([null, null, null, null]);
  });
});
