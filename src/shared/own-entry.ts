/**
 * The reader's own catalog entries: what a reader may add, and the rule that
 * keeps an alias from marking common words on every page.
 */
import type { EntryType } from './catalog';

/** What the reader gives for an own entry. */
export interface OwnEntryInput {
  name: string;
  type: EntryType;
  /** Other names besides `name`. */
  aliases: string[];
  /** A short description in the reader's words. */
  description: string;
  /** ISO dates (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  start?: string;
  end?: string;
}

/** Longest description kept. */
export const MAX_OWN_DESCRIPTION = 1_000;
/** Most aliases of one own entry. */
export const MAX_OWN_ALIASES = 20;

/**
 * Why `alias` would mark common words, or undefined when it is fine: an alias
 * of one or two letters, or a single lowercase word (which would match that
 * word in ordinary text), is refused.
 */
export function aliasProblem(alias: string): string | undefined {
  const text = alias.trim();
  const letters = text.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length <= 2) return `“${text}” is too short: a name of one or two letters would mark common words.`;
  if (!/\s/.test(text) && text === text.toLowerCase() && /\p{Ll}/u.test(text)) return `“${text}” is a lowercase word: it would mark that word wherever it is written. Write it as a name (“${text[0]!.toUpperCase()}${text.slice(1)}”).`;
  return undefined;
}

/** The id of an own entry named `name`: `own-` and its words. */
export function ownEntryId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `own-${slug || 'entry'}`;
}
