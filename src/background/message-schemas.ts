/**
 * Runtime schemas of every call's params. A message from a web page's content
 * script is input from an untrusted origin, so nothing reaches a handler
 * unchecked. `satisfies` keeps these in step with the typed call map.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLOURS } from '../shared/highlight';
import {
  MAX_CONTEXT_LENGTH,
  MAX_ENTITY_IDS,
  MAX_ENTRY_ID_LENGTH,
  MAX_HIGHLIGHT_ID_LENGTH,
  MAX_HIGHLIGHTS_PER_CALL,
  MAX_NOTE_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_TEXT_OFFSET,
  MAX_TITLE_LENGTH,
} from '../shared/highlight-rules';
import { keptAnnotation } from './highlights-io/import-schemas';
import { TYPE_GROUPS } from '../shared/catalog';
import { ownEntryInputSchema } from './library/own-entries';
import { DENSITIES } from '../shared/density';
import { MAX_CORRECTIONS_PER_SITE, MAX_DISABLED_SITES } from '../shared/settings';
import type { CallMap, CallName } from '../shared/protocol';
import { FILE_PIECE_CHARS, MAX_UPLOAD_PIECES } from '../shared/file-pieces';

const empty = v.strictObject({});
/** A catalog entry's id. */
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ENTRY_ID_LENGTH));
/** A saved highlight's id: the same bound as import's, so every imported highlight stays addressable. */
const highlightId = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_HIGHLIGHT_ID_LENGTH));
const shortText = v.pipe(v.string(), v.maxLength(2_000));
const colour = v.picklist(HIGHLIGHT_COLOURS);
const quote = v.pipe(v.string(), v.maxLength(MAX_QUOTE_LENGTH));
const note = v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH));
const context = v.pipe(v.string(), v.maxLength(MAX_CONTEXT_LENGTH));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TEXT_OFFSET));
/** Most entries one page report may count: one mark each at the highest mark cap. */
const MAX_REPORTED_ENTRIES = 100_000;
/** Longest page text matched in the background: the largest offset a highlight may carry. */
const MAX_PAGE_TEXT = MAX_TEXT_OFFSET;
/**
 * Most messages one page's text is sent in: a page sends whole chunks of
 * blocks per message, and two chunks in a row hold more than 32 K characters,
 * so the longest page the background accepts (32,000,000 characters) needs at
 * most 2 × 32,000,000 / 32,768 + 1 = 1,954 messages.
 */
const MAX_PAGE_PARTS = 2_048;

/** An upload's or an export's id (a UUID; chosen by our pages and the background). */
const transferId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
/**
 * An import file's text, in the call or sent before in pieces. The bound is
 * loose on purpose: the import refuses a text over its limit with a message
 * that says so (`import-limits.ts`).
 */
const importText = v.union([v.strictObject({ text: v.pipe(v.string(), v.maxLength(200_000_000)) }), v.strictObject({ upload: transferId })]);

// The shapes only: `shared/highlight-rules.ts` checks the rules across fields
// (dates, order of start and end, quote and selector) on every write path.
const selectors = v.tuple([
  v.strictObject({ type: v.literal('TextQuoteSelector'), exact: quote, prefix: context, suffix: context }),
  v.strictObject({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
]);
const entityIds = v.pipe(v.array(id), v.maxLength(MAX_ENTITY_IDS));

const highlight = v.strictObject({
  id: highlightId,
  url: v.pipe(v.string(), v.url()),
  site: v.pipe(v.string(), v.maxLength(300)),
  title: v.pipe(v.string(), v.maxLength(MAX_TITLE_LENGTH)),
  quote,
  selectors,
  colour,
  note,
  entityIds,
  createdAt: v.number(),
  updatedAt: v.number(),
  kept: v.optional(keptAnnotation),
});

const settingsPatch = v.partial(
  v.strictObject({
    enabled: v.boolean(),
    disabledSites: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(MAX_DISABLED_SITES)),
    types: v.partial(v.strictObject(Object.fromEntries(TYPE_GROUPS.map((g) => [g, v.boolean()])) as Record<(typeof TYPE_GROUPS)[number], v.BooleanSchema<undefined>>)),
    hoverDelayMs: v.pipe(v.number(), v.minValue(0), v.maxValue(5_000)),
    density: v.picklist(DENSITIES),
    markCap: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
    tabToMarks: v.boolean(),
  }),
);

/** The schema of each call's params. */
export const PARAM_SCHEMAS = {
  'app.status': empty,
  'corpus.matcherEntries': empty,
  'page.match': v.strictObject({
    text: v.pipe(v.string(), v.maxLength(MAX_PAGE_TEXT)),
    bounds: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), v.maxLength(200_000)),
    exclude: v.pipe(v.array(id), v.maxLength(MAX_CORRECTIONS_PER_SITE)),
    part: v.optional(
      v.pipe(
        v.strictObject({
          pass: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
          index: v.pipe(v.number(), v.integer(), v.minValue(0)),
          count: v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(MAX_PAGE_PARTS)),
          at: offset,
        }),
        v.check((part) => part.index < part.count, 'A part index must be below the count of parts.'),
      ),
    ),
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
    counts: v.pipe(
      v.record(id, v.pipe(v.number(), v.integer(), v.minValue(0))),
      v.check((counts) => Object.keys(counts).length <= MAX_REPORTED_ENTRIES, `names more than ${MAX_REPORTED_ENTRIES.toLocaleString('en')} entries`),
    ),
    marks: v.pipe(v.number(), v.integer(), v.minValue(0)),
    capped: v.boolean(),
  }),
  'page.summary': v.strictObject({ tabId: v.optional(v.pipe(v.number(), v.integer())), url: v.optional(v.string()) }),
  'highlights.forPage': empty,
  'highlights.create': v.strictObject({ title: v.pipe(v.string(), v.maxLength(MAX_TITLE_LENGTH)), quote: v.pipe(quote, v.minLength(1)), selectors, colour, note, entityIds }),
  'highlights.update': v.strictObject({ id: highlightId, patch: v.strictObject({ colour: v.optional(colour), note: v.optional(note) }) }),
  'highlights.delete': v.strictObject({ ids: v.pipe(v.array(highlightId), v.maxLength(MAX_HIGHLIGHTS_PER_CALL)) }),
  'highlights.restore': v.strictObject({ highlights: v.pipe(v.array(highlight), v.maxLength(MAX_HIGHLIGHTS_PER_CALL)) }),
  'highlights.get': v.strictObject({ id: highlightId }),
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
  'highlights.import': importText,
  'upload.piece': v.strictObject({
    upload: transferId,
    index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_UPLOAD_PIECES - 1)),
    count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_UPLOAD_PIECES)),
    text: v.pipe(v.string(), v.maxLength(FILE_PIECE_CHARS)),
  }),
  'highlights.clear': empty,
  'settings.get': empty,
  'settings.update': v.strictObject({ patch: settingsPatch }),
  'settings.toggleSite': v.strictObject({ site: v.pipe(v.string(), v.minLength(1), v.maxLength(300)), enabled: v.boolean() }),
  'corrections.add': v.strictObject({ entryId: id }),
  'private.close': v.strictObject({ kind: v.picklist(['entry', 'note']) }),
  'library.add': v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  'library.list': empty,
  'library.forUrl': v.strictObject({ url: v.pipe(v.string(), v.maxLength(8_192)) }),
  'library.remove': v.strictObject({ ids: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.maxLength(100_000)) }),
  'library.forEntry': v.strictObject({ entryId: id }),
  'library.export': v.strictObject({ cursor: v.optional(v.strictObject({ export: transferId, offset: v.pipe(v.number(), v.integer(), v.minValue(0)) })) }),
  'entries.add': v.strictObject({ entry: ownEntryInputSchema }),
  'entries.list': empty,
  'entries.remove': v.strictObject({ id }),
  'library.import': importText,
} satisfies { [K in CallName]: v.GenericSchema<unknown, CallMap[K]['params']> };
