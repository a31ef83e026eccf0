/**
 * Dated claims (`AliasSpec.years`): the year that decides between them, and the
 * candidates it keeps. The year comes, in this order, from the mention itself
 * ("Russia's 2015 intervention"), the word right before it ("the 2016 fall of
 * Aleppo", which then joins the mention), a year in the text shortly before it
 * in the same block ("In 1982 Assad's troops…"), or the page's date.
 */
import type { Candidate } from './compile';
import { HARD, NEWLINE, SEP, WORD_MIN, fold } from './fold';
import { isYear } from './scan';

/** How far before a mention (UTF-16 units, within its block) a year still dates it. */
export const YEAR_SPAN = 300;

/** The year that dates a mention, and whether the phrase itself says it. */
export interface MentionYear {
  year: number;
  /** True when the year is part of the mention or right before it (it then vetoes claims it does not fit). */
  explicit: boolean;
  /** The mention's start, moved to a year right before it. */
  start: number;
}

/** The year of the mention `text[start, end)` (see the module comment); year 0 when nothing dates it. */
export function mentionYear(text: string, start: number, end: number, pageYear: number): MentionYear {
  for (let i = start; i + 4 <= end; i++) {
    if ((i === start || fold(text.charCodeAt(i - 1)) < WORD_MIN) && isYear(text, i, i + 4) && (i + 4 === end || fold(text.charCodeAt(i + 4)) < WORD_MIN)) {
      return { year: Number(text.slice(i, i + 4)), explicit: true, start };
    }
  }
  let j = start;
  while (j > 0 && fold(text.charCodeAt(j - 1)) === SEP) j--;
  if (j < start && j >= 4 && isYear(text, j - 4, j) && (j === 4 || fold(text.charCodeAt(j - 5)) < WORD_MIN)) {
    return { year: Number(text.slice(j - 4, j)), explicit: true, start: j - 4 };
  }
  for (let i = start - 4; i >= 0 && i >= start - YEAR_SPAN; i--) {
    const f = fold(text.charCodeAt(i + 3));
    if (f === HARD || (f === NEWLINE && i + 2 >= 0 && fold(text.charCodeAt(i + 2)) === NEWLINE)) break;
    if (isYear(text, i, i + 4) && (i === 0 || fold(text.charCodeAt(i - 1)) < WORD_MIN) && (i + 4 >= text.length || fold(text.charCodeAt(i + 4)) < WORD_MIN)) {
      return { year: Number(text.slice(i, i + 4)), explicit: false, start };
    }
  }
  return { year: pageYear, explicit: false, start };
}

/** Whether candidate `c` fits `year`: undated candidates always do. */
export function fitsYear(c: Candidate, year: number): boolean {
  return c.from === 0 || (year >= c.from && year <= c.to);
}

/** The year of a page date (`YYYY…`), or 0. */
export function yearOf(date: string | undefined): number {
  const y = date === undefined ? NaN : Number(date.slice(0, 4));
  return Number.isInteger(y) && y >= 1000 ? y : 0;
}
