/**
 * `JSON.parse` in stages, for import files of tens of megabytes: a value no
 * longer than {@link LEAF_CHARS} is parsed natively in one call; a longer
 * object or list is cut into its members by a scan that skips strings and
 * tracks nesting, each member is parsed the same way, and the work yields
 * between members and every {@link SCAN_STEP} characters of scanning. The
 * result equals `JSON.parse(text)` for every valid text (keys such as
 * `__proto__` stay own properties, a later duplicate key wins); an invalid text
 * throws `JSON.parse`'s own error, from one native parse of the whole text
 * (a refused file may stall once), so messages do not depend on where the scan
 * noticed the problem.
 */
import type { Stages } from './stages';

/** Values up to this many characters are parsed in one native call (well under a millisecond). */
export const LEAF_CHARS = 64 * 1024;
/** Characters scanned between yields. */
const SCAN_STEP = 256 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** Thrown inside the scan for a text that is not JSON; the caller replaces it with `JSON.parse`'s error. */
class NotJson extends Error {}

function isSpace(code: number): boolean {
  // JSON's whitespace only (a wider trim would accept what JSON.parse refuses).
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Parses `text` as `JSON.parse` does, yielding as it goes. */
export function* parseJsonInStages(text: string): Stages<unknown> {
  try {
    return yield* value(text, 0, text.length);
  } catch (error) {
    if (!(error instanceof NotJson) && !(error instanceof SyntaxError)) throw error;
    // The native parse of the whole text throws the message a reader is shown (and would
    // return the value, should the scan ever refuse a text that is JSON).
    return JSON.parse(text) as unknown;
  }
}

function* value(text: string, from: number, to: number): Stages<unknown> {
  if (to - from <= LEAF_CHARS) return JSON.parse(text.slice(from, to));
  let start = from;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const open = text.charCodeAt(start);
  const close = text.charCodeAt(end - 1);
  if (open === OPEN_LIST && close === CLOSE_LIST) {
    const list: unknown[] = [];
    for (const [a, b] of yield* members(text, start + 1, end - 1)) {
      list.push(yield* value(text, a, b));
      yield;
    }
    return list;
  }
  if (open === OPEN_OBJECT && close === CLOSE_OBJECT) {
    const object: Record<string, unknown> = {};
    for (const [a, b] of yield* members(text, start + 1, end - 1)) {
      const { key, valueFrom } = keyOf(text, a, b);
      // defineProperty, as JSON.parse does: `object[key] =` would set the prototype for "__proto__".
      Object.defineProperty(object, key, { value: yield* value(text, valueFrom, b), writable: true, enumerable: true, configurable: true });
      yield;
    }
    return object;
  }
  // A long string or number, or no JSON at all: one native parse decides.
  return JSON.parse(text.slice(from, to));
}

/** The members of a list's or object's inside, `[from, to)`, as ranges between its top-level commas. */
function* members(text: string, from: number, to: number): Stages<[number, number][]> {
  const out: [number, number][] = [];
  let depth = 0;
  let memberStart = from;
  let nextYield = from + SCAN_STEP;
  let i = from;
  while (i < to) {
    if (i >= nextYield) {
      yield;
      nextYield = i + SCAN_STEP;
    }
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = stringEnd(text, i, to);
      continue;
    }
    if (code === OPEN_LIST || code === OPEN_OBJECT) depth++;
    else if (code === CLOSE_LIST || code === CLOSE_OBJECT) {
      if (--depth < 0) throw new NotJson();
    } else if (code === COMMA && depth === 0) {
      out.push(nonEmpty(text, memberStart, i));
      memberStart = i + 1;
    }
    i++;
  }
  if (depth !== 0) throw new NotJson();
  // `[]`, `{ }`: no member; otherwise the last one, which may not be empty (`[1,]`).
  if (out.length > 0 || !blank(text, memberStart, to)) out.push(nonEmpty(text, memberStart, to));
  return out;
}

/** The index just after the string whose opening quote is at `at`. */
function stringEnd(text: string, at: number, to: number): number {
  let i = at + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0 || q >= to) throw new NotJson();
    // The quote is escaped when an odd number of backslashes precede it.
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
}

function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function nonEmpty(text: string, from: number, to: number): [number, number] {
  if (blank(text, from, to)) throw new NotJson();
  return [from, to];
}

/** An object member's key, and where its value starts (after the colon). */
function keyOf(text: string, from: number, to: number): { key: string; valueFrom: number } {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== QUOTE) throw new NotJson();
  const keyEnd = stringEnd(text, i, to);
  const key = JSON.parse(text.slice(i, keyEnd)) as string;
  i = keyEnd;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== COLON) throw new NotJson();
  return { key, valueFrom: i + 1 };
}
