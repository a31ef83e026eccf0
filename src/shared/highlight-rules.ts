/**
 * What a stored highlight must be, checked on every write path (create,
 * import, restore, update in the background's handlers, and again by the
 * highlight store before it writes), so no path accepts what another refuses.
 * Pure and dependency-free: the message schemas and the import schemas take
 * their bounds from these constants, and {@link highlightProblem} checks what
 * a field-by-field schema cannot (dates in order, a passage that ends after it
 * starts, the quote equal to its selector).
 */
import { HIGHLIGHT_COLOURS, type Highlight } from './highlight';

/**
 * Longest highlight id, on every path: messages, import, store. W3C
 * annotation ids are IRIs and may be long; 2,048 characters holds any address
 * a reader meets, and an imported id must stay addressable by
 * `highlights.update` and `highlights.delete` afterwards.
 */
export const MAX_HIGHLIGHT_ID_LENGTH = 2_048;
/** Longest catalog entry id (the ids a highlight's `entityIds` name). */
export const MAX_ENTRY_ID_LENGTH = 200;
/** Most entries one highlight may name: far above what any passage mentions. */
export const MAX_ENTITY_IDS = 1_000;
/** Longest quote. */
export const MAX_QUOTE_LENGTH = 100_000;
/** Longest note. */
export const MAX_NOTE_LENGTH = 100_000;
/** Longest prefix or suffix of a TextQuoteSelector. */
export const MAX_CONTEXT_LENGTH = 2_000;
/** Longest page title. */
export const MAX_TITLE_LENGTH = 2_000;
/** Largest text offset: the longest page text the background matches (UTF-16 units). */
export const MAX_TEXT_OFFSET = 32_000_000;
/**
 * Most highlights one call may write or delete from an extension page: the
 * most an import holds, so an imported set can be deleted and undone in one call.
 */
export const MAX_HIGHLIGHTS_PER_CALL = 100_000;
/**
 * Most highlights one call from a content script may delete or restore. A
 * page deletes one highlight at a time and undoes that one; a thousand leaves
 * room without letting a page make the background read or write
 * tens of thousands of records in one call.
 */
export const MAX_PAGE_HIGHLIGHTS_PER_CALL = 1_000;
/** Earliest time a highlight may carry (epoch ms): 1970, as imports have always accepted. */
export const EARLIEST_TIME = 0;
/**
 * How far in the future a time may be, against the background's clock: a
 * record written on another machine, or before the clock was set back, may be
 * a little ahead; a year 33,000 date is not.
 */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1_000;

/** A highlight that breaks a rule: thrown by the store, turned into `invalid-message` by the router. */
export class InvalidHighlightError extends Error {
  override readonly name = 'InvalidHighlightError';
}

const HTTP_URL = /^https?:\/\/[^\s/?#]/i;

function textProblem(value: unknown, max: number, min = 0): string | undefined {
  if (typeof value !== 'string') return 'expected text';
  if (value.length < min) return 'is empty';
  if (value.length > max) return `is longer than ${max.toLocaleString('en')} characters`;
  return undefined;
}

function timeProblem(value: unknown, latest: number): string | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'expected a whole number of milliseconds';
  if (value < EARLIEST_TIME) return 'is before 1970';
  if (value > latest) return 'is in the future';
  return undefined;
}

function offsetProblem(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return 'expected a whole number of at least 0';
  if (value > MAX_TEXT_OFFSET) return `is beyond ${MAX_TEXT_OFFSET.toLocaleString('en')}`;
  return undefined;
}

/** A problem with a highlight id, or undefined. */
export function highlightIdProblem(id: unknown): string | undefined {
  return textProblem(id, MAX_HIGHLIGHT_ID_LENGTH, 1);
}

/**
 * The first rule `h` breaks, as "field: problem", or undefined when it may be
 * stored. `now` is the background's clock (times may be up to
 * {@link CLOCK_SKEW_MS} ahead of it).
 */
export function highlightProblem(h: Highlight, now: number): string | undefined {
  const [quote, position] = h.selectors ?? [];
  const checks: [string, string | undefined][] = [
    ['id', highlightIdProblem(h.id)],
    ['url', typeof h.url === 'string' && HTTP_URL.test(h.url) ? undefined : 'expected an http(s) address'],
    ['title', textProblem(h.title, MAX_TITLE_LENGTH)],
    ['quote', textProblem(h.quote, MAX_QUOTE_LENGTH, 1)],
    ['note', textProblem(h.note, MAX_NOTE_LENGTH)],
    ['colour', (HIGHLIGHT_COLOURS as readonly unknown[]).includes(h.colour) ? undefined : `expected one of ${HIGHLIGHT_COLOURS.join(', ')}`],
    ['selectors[0]', quote?.type === 'TextQuoteSelector' ? undefined : 'expected a TextQuoteSelector'],
    ['selectors[0].exact', quote?.exact === h.quote ? undefined : 'differs from the quote'],
    ['selectors[0].prefix', textProblem(quote?.prefix, MAX_CONTEXT_LENGTH)],
    ['selectors[0].suffix', textProblem(quote?.suffix, MAX_CONTEXT_LENGTH)],
    ['selectors[1]', position?.type === 'TextPositionSelector' ? undefined : 'expected a TextPositionSelector'],
    ['selectors[1].start', offsetProblem(position?.start)],
    ['selectors[1].end', offsetProblem(position?.end) ?? (position!.end < position!.start ? 'is before start' : undefined)],
    ['entityIds', Array.isArray(h.entityIds) ? (h.entityIds.length > MAX_ENTITY_IDS ? `names more than ${MAX_ENTITY_IDS.toLocaleString('en')} entries` : undefined) : 'expected a list'],
    ['createdAt', timeProblem(h.createdAt, now + CLOCK_SKEW_MS)],
    ['updatedAt', timeProblem(h.updatedAt, now + CLOCK_SKEW_MS) ?? (h.updatedAt < h.createdAt ? 'is before createdAt' : undefined)],
  ];
  for (const [field, problem] of checks) if (problem) return `${field}: ${problem}`;
  for (const [i, id] of h.entityIds.entries()) {
    const problem = textProblem(id, MAX_ENTRY_ID_LENGTH, 1);
    if (problem) return `entityIds[${i}]: ${problem}`;
  }
  return undefined;
}

function assertCount(count: number, max: number): void {
  if (count > max) throw new InvalidHighlightError(`Too many highlights in one call: ${count.toLocaleString('en')}, at most ${max.toLocaleString('en')}.`);
}

/**
 * Throws {@link InvalidHighlightError} naming the first highlight of `list`
 * that breaks a rule (by its place in the list, as the caller sent it), or
 * when the list is longer than `max`; nothing is written after a throw.
 * `from` and `to` check a part of a long list only (a caller that checks it
 * part by part, pausing between parts), still naming places in the whole list.
 */
export function assertValidHighlights(list: readonly Highlight[], now: number, max = MAX_HIGHLIGHTS_PER_CALL, from = 0, to = list.length): void {
  assertCount(list.length, max);
  for (let i = from; i < Math.min(to, list.length); i++) {
    const h = list[i]!;
    const problem = highlightProblem(h, now);
    if (problem) throw new InvalidHighlightError(list.length === 1 ? `Invalid highlight: ${problem}.` : `Invalid highlight [${i}]: ${problem}.`);
  }
}

/** Throws {@link InvalidHighlightError} when `ids` holds more than `max` ids or one that is no highlight id. */
export function assertValidIds(ids: readonly string[], max = MAX_HIGHLIGHTS_PER_CALL): void {
  assertCount(ids.length, max);
  for (const [i, id] of ids.entries()) {
    const problem = highlightIdProblem(id);
    if (problem) throw new InvalidHighlightError(`Invalid highlight id [${i}]: ${problem}.`);
  }
}

/**
 * The ISO form of an epoch-ms time, or undefined when it is no valid date
 * (`new Date(1e300).toISOString()` throws): exports write what is stored,
 * and one bad record must not fail the export of every other.
 */
export function isoTimeOf(ms: number): string | undefined {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
