import { describe, expect, it } from 'vitest';
import { LEAF_CHARS, parseJsonInStages } from './staged-json';
import { runAtOnce, runInStages } from './stages';
import { parseImport, parseImportInStages } from './import-highlights';
import { sampleHighlights } from './sample-highlights';

const NOW = Date.UTC(2026, 0, 1);

/** What `JSON.parse` throws for `text`, or undefined. */
function nativeError(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function stagedError(text: string): string | undefined {
  try {
    runAtOnce(parseJsonInStages(text));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A list long enough to be cut into members (several leaves), holding `item` `count` times. */
function bigList(item: string, count = Math.ceil((3 * LEAF_CHARS) / item.length)): string {
  return `[${Array.from({ length: count }, () => item).join(',')}]`;
}

describe('JSON parsed in stages', () => {
  const tricky = JSON.stringify({
    quote: 'a "quoted" word, a \\ backslash\\\\", {braces} and [brackets], commas, colons: yes',
    unicode: 'Erdoğan — “Damascus” \u2028 😀',
    numbers: [0, -1.5e-7, 1e21, 123456789012],
    nested: { deeper: { list: [[], {}, [[]], null, true, false] } },
  });

  it.each([
    ['a long list of objects with escapes in their strings', bigList(tricky)],
    ['an object whose members are long lists', `{ "a" : ${bigList(tricky)} ,\n\t"b":${bigList('1')}, "c": {"d": ${bigList('"x\\"y"')}}}`],
    ['JSON whitespace everywhere', `\r\n [ ${bigList(tricky).slice(1, -1).replaceAll(',{', ' ,\n\t{')} ] \n`],
    ['a long string', JSON.stringify('x"\\'.repeat(LEAF_CHARS))],
    ['empty containers padded past the leaf size', `[${' '.repeat(LEAF_CHARS)}]`],
    ['a small value', '{"a": [1, 2]}'],
  ])('equals JSON.parse for %s', (_name, text) => {
    expect(runAtOnce(parseJsonInStages(text))).toEqual(JSON.parse(text));
  });

  it('keeps "__proto__" an own key and lets a later duplicate key win, as JSON.parse does', () => {
    const text = `{"__proto__": {"polluted": true}, "k": 1, "big": ${bigList('{"__proto__": 2}')}, "k": 2}`;
    const parsed = runAtOnce(parseJsonInStages(text)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(Object.keys(JSON.parse(text) as object));
    expect(parsed).toEqual(JSON.parse(text));
    expect(parsed.k).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a trailing comma', `${bigList('1').slice(0, -1)},]`],
    ['an empty member', `[${'1,'.repeat(LEAF_CHARS)},1]`],
    ['an unclosed list', bigList('{"a": 1}').slice(0, -1)],
    ['mismatched brackets', `[${bigList('1').slice(1, -1)}}`],
    ['a member missing its colon', `{"a" ${bigList('1')}}`],
    ['a key that is no string', `{a: ${bigList('1')}}`],
    ['whitespace JSON does not allow', `[\u00a0${bigList('1').slice(1)}`],
    ['an unterminated string', `[${bigList('1').slice(1, -1)}, "abc]`],
    ['text after the value', `${bigList('1')} x`],
  ])('refuses %s with JSON.parse’s own message', (_name, text) => {
    expect(nativeError(text)).toBeDefined();
    expect(stagedError(text)).toBe(nativeError(text));
  });

  it('gives other tasks a turn while it reads a large import, with the same outcome as reading it at once', async () => {
    const text = JSON.stringify({ format: 'backstory-highlights', version: 1, highlights: sampleHighlights(200) });
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    // Read at once, the whole file would be done before the timer's turn.
    const { outcome, timerRanFirst } = await parseImportInStages(text, NOW, 0).then((outcome) => ({ outcome, timerRanFirst: timerRan }));
    expect(timerRanFirst).toBe(true);
    expect(outcome).toEqual(parseImport(text, NOW));
    expect(outcome).toMatchObject({ ok: true, format: 'json' });
  });

  it('runs to the end at once, or in stages with the same result', async () => {
    function* work() {
      let sum = 0;
      for (let i = 0; i < 10; i++) {
        sum += i;
        yield;
      }
      return sum;
    }
    expect(runAtOnce(work())).toBe(45);
    expect(await runInStages(work(), 0)).toBe(45);
  });
});
