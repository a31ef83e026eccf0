/**
 * Made-up highlights for tests and benchmarks: deterministic, valid records
 * spread over pages and sites like a reader's real collection.
 */
import { HIGHLIGHT_COLOURS, type Highlight } from '../../shared/highlight';

const QUOTES = [
  'Russia gave Bashar al-Assad asylum in Moscow within days of the fall of Damascus',
  'Turkey moved quickly to reopen its embassy in the Syrian capital',
  'Iran evacuated its diplomats as its network of allied militias collapsed',
  'Hayat Tahrir al-Sham led the offensive that reached Aleppo in under a week',
  'The Kurdish-led Syrian Democratic Forces held the north-east of the country',
];
const ENTITIES = ['bashar-al-assad', 'russia', 'turkey', 'iran', 'hts', 'sdf', 'damascus', 'aleppo'];

/** One sample highlight; `i` picks its page, quote, colour and entities. */
export function sampleHighlight(i: number, overrides: Partial<Highlight> = {}, pages = 1_000): Highlight {
  const page = i % pages;
  const site = `news${page % 50}.example`;
  const url = `https://${site}/story/${page}`;
  const quote = `${QUOTES[i % QUOTES.length]!} (${i})`;
  const start = 100 + (i % 7) * 200;
  return {
    id: `h-${i.toString(36).padStart(6, '0')}`,
    url,
    site,
    title: `Story ${page}`,
    quote,
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: 'context before the passage, ', suffix: ', context after the passage' },
      { type: 'TextPositionSelector', start, end: start + quote.length },
    ],
    colour: HIGHLIGHT_COLOURS[i % HIGHLIGHT_COLOURS.length]!,
    note: i % 3 === 0 ? `Note ${i}: check against the timeline` : '',
    entityIds: [ENTITIES[i % ENTITIES.length]!, ENTITIES[(i + 3) % ENTITIES.length]!],
    createdAt: 1_700_000_000_000 + i * 60_000,
    updatedAt: 1_700_000_000_000 + i * 60_000,
    ...overrides,
  };
}

/** `count` sample highlights over `pages` pages. */
export function sampleHighlights(count: number, pages = 1_000): Highlight[] {
  return Array.from({ length: count }, (_, i) => sampleHighlight(i, {}, pages));
}
