/**
 * Highlights in bulk for the tests at the import limit. They are made inside
 * the extension page (100,000 records would be tens of megabytes across the
 * test protocol): `installBulkHighlights` is evaluated there first, then the
 * test's own evaluation calls `globalThis.bulkHighlights`.
 */

/** The page's global once {@link installBulkHighlights} ran in it. */
export interface BulkHighlightsGlobal {
  /**
   * Highlights `from` … `from + count - 1` on 50 sites and 2,000 stories,
   * every third with a note; `wordy` gives them the long context a reader's
   * selection carries (for exports near the message size limit) and a `site`.
   */
  bulkHighlights(from: number, count: number, wordy: boolean): Record<string, unknown>[];
}

/** Defines `bulkHighlights` in the page it is evaluated in; self-contained, as page evaluation requires. */
export function installBulkHighlights(): void {
  (globalThis as unknown as BulkHighlightsGlobal).bulkHighlights = (from, count, wordy) =>
    Array.from({ length: count }, (_, k) => {
      const i = from + k;
      const quote = `Passage ${i} about the fall of Damascus`;
      return {
        id: `bulk-${i}`,
        url: `https://news${i % 50}.example/story/${i % 2_000}`,
        ...(wordy ? { site: `news${i % 50}.example` } : {}),
        title: `Story ${i % 2_000}`,
        quote,
        selectors: [
          wordy
            ? { type: 'TextQuoteSelector', exact: quote, prefix: 'The context before the passage, as a reader saved it: ', suffix: ', and the context after the passage, as it was saved' }
            : { type: 'TextQuoteSelector', exact: quote, prefix: 'The context before: ', suffix: ', and after' },
          { type: 'TextPositionSelector', start: i, end: i + quote.length },
        ],
        colour: 'yellow',
        note: i % 3 ? '' : `Note ${i}`,
        entityIds: ['russia'],
        createdAt: 1_700_000_000_000 + i,
        updatedAt: 1_700_000_000_000 + i,
      };
    });
}
