/**
 * Runtime schemas of every call's params. A message from a web page's content
 * script is input from an untrusted origin, so nothing reaches a handler
 * unchecked. `satisfies` keeps these in step with the typed call map.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLOURS } from '../shared/highlight';
import { highlightId, keptAnnotation } from './highlights-io/import-schemas';
import { TYPE_GROUPS } from '../shared/catalog';
import type { CallMap, CallName } from '../shared/protocol';

const empty = v.strictObject({});
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const shortText = v.pipe(v.string(), v.maxLength(2_000));
const longText = v.pipe(v.string(), v.maxLength(100_000));
const colour = v.picklist(HIGHLIGHT_COLOURS);
/** Longest page text matched in the background (UTF-16 units): far above any real page; the annotator caps marks long before. */
const MAX_PAGE_TEXT = 32_000_000;

const selectors = v.tuple([
  v.strictObject({ type: v.literal('TextQuoteSelector'), exact: longText, prefix: shortText, suffix: shortText }),
  v.strictObject({ type: v.literal('TextPositionSelector'), start: v.pipe(v.number(), v.integer(), v.minValue(0)), end: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
]);

const highlight = v.strictObject({
  id: highlightId,
  url: v.pipe(v.string(), v.url()),
  site: v.string(),
  title: shortText,
  quote: longText,
  selectors,
  colour,
  note: longText,
  entityIds: v.array(id),
  createdAt: v.number(),
  updatedAt: v.number(),
  kept: v.optional(keptAnnotation),
});

const settingsPatch = v.partial(
  v.strictObject({
    enabled: v.boolean(),
    disabledSites: v.array(v.pipe(v.string(), v.maxLength(300))),
    types: v.partial(v.strictObject(Object.fromEntries(TYPE_GROUPS.map((g) => [g, v.boolean()])) as Record<(typeof TYPE_GROUPS)[number], v.BooleanSchema<undefined>>)),
    hoverDelayMs: v.pipe(v.number(), v.minValue(0), v.maxValue(5_000)),
    density: v.picklist(['all', 'first']),
    markCap: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
  }),
);

/** The schema of each call's params. */
export const PARAM_SCHEMAS = {
  'app.status': empty,
  'corpus.matcherEntries': empty,
  'page.match': v.strictObject({
    text: v.pipe(v.string(), v.maxLength(MAX_PAGE_TEXT)),
    bounds: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.maxLength(200_000)),
    exclude: v.pipe(v.array(id), v.maxLength(10_000)),
  }),
  'corpus.cards': v.strictObject({ ids: v.pipe(v.array(id), v.maxLength(5_000)), context: v.optional(v.record(id, shortText)) }),
  'corpus.entries': empty,
  'corpus.entryPage': v.strictObject({ id }),
  'corpus.documents': empty,
  'corpus.document': v.strictObject({ id }),
  'corpus.timeline': empty,
  'corpus.graph': empty,
  'corpus.entry': v.strictObject({ id }),
  'search.prepare': empty,
  'search.query': v.strictObject({ q: shortText, limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))) }),
  'page.report': v.strictObject({
    title: shortText,
    counts: v.record(id, v.pipe(v.number(), v.integer(), v.minValue(0))),
    marks: v.pipe(v.number(), v.integer(), v.minValue(0)),
    capped: v.boolean(),
  }),
  'page.summary': v.strictObject({ tabId: v.optional(v.pipe(v.number(), v.integer())), url: v.optional(v.string()) }),
  'highlights.forPage': empty,
  'highlights.create': v.strictObject({ title: shortText, quote: v.pipe(longText, v.minLength(1)), selectors, colour, note: longText, entityIds: v.array(id) }),
  'highlights.update': v.strictObject({ id: highlightId, patch: v.strictObject({ colour: v.optional(colour), note: v.optional(longText) }) }),
  'highlights.delete': v.strictObject({ ids: v.pipe(v.array(highlightId), v.maxLength(100_000)) }),
  'highlights.restore': v.strictObject({ highlights: v.array(highlight) }),
  'highlights.forEntry': v.strictObject({ entryId: id }),
  'highlights.list': v.strictObject({
    text: v.optional(shortText),
    site: v.optional(shortText),
    entityId: v.optional(id),
    sort: v.optional(v.picklist(['newest', 'oldest', 'site'])),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))),
    offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
  'highlights.export': v.strictObject({
    format: v.picklist(['json', 'markdown', 'jsonld']),
    cursor: v.optional(v.strictObject({ afterUrl: v.pipe(v.string(), v.maxLength(100_000)), exportedAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15)) })),
  }),
  'highlights.import': v.strictObject({ text: v.pipe(v.string(), v.maxLength(200_000_000)) }),
  'highlights.clear': empty,
  'settings.get': empty,
  'settings.update': v.strictObject({ patch: settingsPatch }),
  'settings.toggleSite': v.strictObject({ site: v.pipe(v.string(), v.minLength(1), v.maxLength(300)), enabled: v.boolean() }),
  'corrections.add': v.strictObject({ entryId: id }),
} satisfies { [K in CallName]: v.GenericSchema<unknown, CallMap[K]['params']> };
