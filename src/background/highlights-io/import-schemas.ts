/**
 * The valibot schemas an import is checked against, field by field, before
 * anything is written. Messages name what is expected in words a reader can
 * act on; `issue-message.ts` adds where in the file.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLOURS } from '../../shared/highlight';
import { MAX_CONTEXT_LENGTH, MAX_ENTRY_ID_LENGTH, MAX_HIGHLIGHT_ID_LENGTH, MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH, MAX_TITLE_LENGTH } from '../../shared/highlight-rules';

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A string of at most `max` characters. */
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `is longer than ${max.toLocaleString('en')} characters`));
const offset = v.pipe(v.number(), v.integer('expected a whole number'), v.minValue(0, 'expected a number of at least 0'));
const timestamp = v.pipe(v.number(), v.integer('expected a whole number of milliseconds'), v.minValue(0, 'expected a time after 1970'));

/** A page address: http or https only (a `javascript:` or `file:` source is refused). */
export const pageUrl = v.pipe(v.string(), v.check(isHttpUrl, 'expected an http(s) address'));

/** W3C TextQuoteSelector; prefix and suffix may be absent in other tools' files. */
export const quoteSelector = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(text(MAX_QUOTE_LENGTH), v.minLength(1, 'is empty')),
  prefix: v.optional(text(MAX_CONTEXT_LENGTH), ''),
  suffix: v.optional(text(MAX_CONTEXT_LENGTH), ''),
});

/** W3C TextPositionSelector. */
export const positionSelector = v.pipe(
  v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.check((p) => p.end >= p.start, 'end is before start'),
);

/** What an imported annotation carried beyond the highlight (`KeptAnnotation`): JSON values kept as given. */
export const keptAnnotation = v.object({
  fields: v.record(v.string(), v.unknown()),
  targets: v.array(v.unknown()),
  bodies: v.array(v.unknown()),
  tags: v.array(v.string()),
  noteBody: v.optional(v.union([v.literal('bodyValue'), v.record(v.string(), v.unknown())])),
});

/** A highlight id: W3C ids are IRIs, kept as given up to one bound. */
export const highlightId = v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(MAX_HIGHLIGHT_ID_LENGTH, `is longer than ${MAX_HIGHLIGHT_ID_LENGTH.toLocaleString('en')} characters`));

/** One highlight of our JSON format (unknown extra fields are dropped). */
export const ourHighlight = v.object({
  id: highlightId,
  url: pageUrl,
  site: v.optional(v.string()),
  title: v.optional(text(MAX_TITLE_LENGTH), ''),
  quote: v.pipe(text(MAX_QUOTE_LENGTH), v.minLength(1, 'is empty')),
  selectors: v.tuple([quoteSelector, positionSelector]),
  colour: v.picklist(HIGHLIGHT_COLOURS, `expected one of ${HIGHLIGHT_COLOURS.join(', ')}`),
  note: v.optional(text(MAX_NOTE_LENGTH), ''),
  entityIds: v.optional(v.array(v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(MAX_ENTRY_ID_LENGTH))), []),
  createdAt: timestamp,
  updatedAt: timestamp,
  kept: v.optional(keptAnnotation),
});


/** Our file's frame, its highlights unchecked: they are checked one by one against {@link ourHighlight}. */
export const ourFileShell = v.object({
  format: v.string(),
  version: v.number(),
  exportedAt: v.optional(v.string()),
  highlights: v.array(v.unknown()),
});
